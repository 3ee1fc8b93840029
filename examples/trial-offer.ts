/**
 * A prospect's free trial class, as a studio's website books it, against the sandbox on this
 * machine: discover the classes offered as a trial, read the offer's rules, register the
 * prospect as a lead, validate and book the slot, and confirm the booking before its deadline.
 *
 *   npm run build && npx tsx examples/trial-offer.ts
 *
 * Against the real API, drop the sandbox and give the client your studio's tenant and a key
 * with the TRIAL_OFFER_READ and TRIAL_OFFER_WRITE scopes.
 */
import { createClassBookingClient, type LeadData } from "class-booking-api";
import { startMockServer } from "class-booking-api/mock";

const apiKey = "example-studio-key";
const server = await startMockServer({ stateful: true });
try {
  const client = createClassBookingClient({ baseUrl: server.url, apiKey });

  // 1. Discover: every class offered as a trial, each with the offer it is bookable under.
  let chosen;
  for await (const entry of client.paginate.getBookableTrialOfferClasses()) {
    console.log(`trial class ${entry.trialOfferClass.id}: ${entry.trialOfferClass.title}`);
    if (entry.trialOfferClass.title === "Morning Yoga") chosen = entry;
  }
  if (!chosen) throw new Error("Morning Yoga is not offered as a trial");

  // 2. The offer's rules: how often, whether to confirm, and which details the form asks for.
  const config = await client.getTrialOfferConfig({ configId: chosen.trialOfferConfigId });
  const term = config.confirmationOfBookingTerm;
  console.log(
    `offer ${config.id} "${config.name}": ${config.contingent} booking(s), confirm ${term ? `${term.value} ${term.unit} ahead` : "not needed"}`,
  );

  // 3. The sign-up form: the three details every lead gives, and those the offer asks for.
  const { leadDataConfig } = config;
  const asked = (mode: string) => mode !== "INACTIVE";
  const details: LeadData = {
    firstname: "Nora",
    lastname: "Lindqvist",
    email: "nora.lindqvist@example.org",
    ...(asked(leadDataConfig.telephoneMode) && { telephone: "015112345678" }),
    ...(asked(leadDataConfig.genderMode) && { gender: "FEMALE" as const }),
    ...(asked(leadDataConfig.dateOfBirthMode) && { dateOfBirth: "1994-03-18" }),
    ...(asked(leadDataConfig.addressMode) && {
      address: { street: "Kastanienallee", houseNumber: "12a", zipCode: "10435", city: "Berlin" },
    }),
  };
  const lead = { leadCustomerData: details, trialOfferConfigId: config.id };
  const check = await client.validateForLeadCustomerCreation(lead);
  if (check.validationStatus !== "POSSIBLE") throw new Error(`cannot register: ${check.validationStatus}`);
  // Sent once only: the client never resends it after a timeout or a 5xx, as it may have registered.
  const { leadCustomerId } = await client.createLeadCustomer(lead);
  console.log(`lead ${leadCustomerId} registered`);

  // 4. A slot of the class far enough ahead to confirm in time.
  const ahead = server.sandbox!.now().getTime() + 3 * 86_400_000;
  let slot;
  for await (const s of client.paginate.getClassSlotsForTrialOffers({ classId: chosen.trialOfferClass.id }))
    if (Date.parse(s.startDateTime!) >= ahead) {
      slot = s;
      break;
    }
  if (!slot) throw new Error("no slot far enough ahead");

  // 5. Validate, and book only on AVAILABLE.
  const request = { customerId: leadCustomerId!, classSlotId: slot.id };
  const { validationStatus } = await client.validateClassSlotForTrialOffers(request);
  if (validationStatus !== "AVAILABLE") throw new Error(`slot ${slot.id}: ${validationStatus}`);
  const booking = await client.bookClassSlotForTrialOffers(request);
  console.log(`booking ${booking.bookingId} is ${booking.bookingStatus}`);

  // 6. The prospect follows the link the website sent them: confirm before the deadline.
  if (booking.bookingStatus === "BOOKED_WITH_CONFIRMATION_REQUIRED") {
    const { status } = await client.confirmTrialOfferBooking({ bookingId: booking.bookingId });
    console.log(`confirmation: ${status}`);
  }
  const kept = await client.getClassBookingById({ bookingId: booking.bookingId });
  console.log(`booking ${kept.bookingId} is ${kept.bookingStatus}, ${kept.participantStatus}`);

  // 7. The same prospect again is no new lead.
  const again = await client.validateForLeadCustomerCreation(lead);
  console.log(`signing up again: ${again.validationStatus}`);
} finally {
  await server.stop();
}
