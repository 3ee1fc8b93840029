/**
 * The facts of the Trial Offers operations (../shared/reference/trial-offers.md, official
 * description 1.11.1): the eight operations a prospect's class booking needs, in the order of
 * the flow the docs page shows, and the schemas they add. Shared class schemas are in facts.ts.
 */
import {
  id,
  int32,
  pathId,
  requiredText,
  slice,
  sliced,
  text,
  type FieldFact,
  type OperationFact,
} from "./fact-kinds.js";

const int64 = { type: "integer", format: "int64", required: false } as const;
/** The three ways a trial offer can treat one optional detail of a lead. */
const mode: FieldFact = { type: "string", required: true, enum: ["INACTIVE", "OPTIONAL", "MANDATORY"] };

export const TRIAL_OFFER_SCHEMAS: Record<string, Record<string, FieldFact>> = {
  TrialOfferClass: {
    id: int64,
    trialOfferConfigId: id,
    trialOfferClass: { ref: "Class", required: true },
  },
  TrialOfferClassesSlicedResult: sliced("TrialOfferClass"),
  BookingConfirmationResult: {
    status: { type: "string", required: true, enum: ["CONFIRMED", "EXPIRED"] },
  },
  TrialOfferConfig: {
    id,
    name: requiredText,
    preventMultipleBookingsTerm: { ref: "Term", required: true },
    contingent: { ...int32, required: true },
    confirmationOfBookingTerm: { ref: "TermWithMinutes" },
    allowBookingForLeads: { type: "boolean", required: true },
    leadDataConfig: { ref: "TrialOfferLeadDataConfig", required: true },
  },
  TrialOfferLeadDataConfig: {
    trialOfferLeadDataConfigId: id,
    genderMode: mode,
    dateOfBirthMode: mode,
    telephoneMode: mode,
    addressMode: mode,
  },
  Term: {
    value: { type: "integer", format: "int32", required: true },
    unit: { type: "string", required: true, enum: ["DAY", "WEEK", "MONTH", "YEAR"] },
  },
  TrialOfferLeadCustomerCreationRequest: {
    leadCustomerData: { ref: "LeadData", required: true },
    trialOfferConfigId: id,
  },
  LeadData: {
    thirdPartyId: text,
    firstname: requiredText,
    secondFirstname: text,
    lastname: requiredText,
    secondLastname: text,
    email: requiredText,
    gender: { type: "string", required: false, enum: ["MALE", "FEMALE", "UNISEX"] },
    dateOfBirth: { type: "string", format: "date", required: false },
    telephone: text,
    language: { ref: "Language" },
    address: { ref: "LeadCustomerAddressData" },
  },
  Language: {
    languageCode: { type: "string", format: "ISO 639-1", required: true },
    countryCode: { type: "string", format: "ISO 3166-1", required: false },
  },
  LeadCustomerAddressData: {
    street: requiredText,
    houseNumber: text,
    zipCode: requiredText,
    city: requiredText,
  },
  TrialOfferLeadCustomerCreationValidationResult: {
    validationStatus: {
      type: "string",
      required: true,
      enum: ["POSSIBLE", "INVALID_LEAD_CUSTOMER_DATA", "DUPLICATE_CUSTOMER"],
    },
  },
  // No required list in the official description: the id is formally optional.
  TrialOfferLeadCustomerCreationResult: {
    leadCustomerId: int64,
  },
};

/** The schemas the API does not close: it accepts (or may send) fields beyond the documented ones. */
export const OPEN_REQUEST_SCHEMAS = [
  "TrialOfferLeadCustomerCreationRequest",
  "LeadData",
  "Language",
  "LeadCustomerAddressData",
] as const;

const tag = "Trial Offers";

/** In the order of the flow (discover, read the rules, register the lead, pick, validate, book, confirm). */
export const TRIAL_OFFER_OPERATIONS: OperationFact[] = [
  {
    operationId: "getBookableTrialOfferClasses",
    method: "get",
    path: "/v1/trial-offers/bookable-trial-offers/classes",
    tag,
    scope: "TRIAL_OFFER_READ",
    params: slice,
    ok: { schema: "TrialOfferClassesSlicedResult" },
    errors: { badInput: "sliceSize", missing: "studio" },
  },
  {
    operationId: "getTrialOfferConfig",
    method: "get",
    path: "/v1/trial-offers/config/{configId}",
    tag,
    scope: "TRIAL_OFFER_READ",
    params: [pathId("configId")],
    ok: { schema: "TrialOfferConfig" },
    errors: { badInput: "configId", missing: "trial offer configuration" },
  },
  {
    operationId: "validateForLeadCustomerCreation",
    method: "post",
    path: "/v1/trial-offers/lead/validate",
    tag,
    scope: "TRIAL_OFFER_WRITE",
    idempotent: true,
    params: [],
    body: "TrialOfferLeadCustomerCreationRequest",
    ok: { schema: "TrialOfferLeadCustomerCreationValidationResult" },
    errors: { badInput: "leadCustomerData.email", missing: "trial offer configuration" },
  },
  {
    operationId: "createLeadCustomer",
    method: "post",
    path: "/v1/trial-offers/lead/create",
    tag,
    scope: "TRIAL_OFFER_WRITE",
    idempotent: false,
    params: [],
    body: "TrialOfferLeadCustomerCreationRequest",
    ok: { schema: "TrialOfferLeadCustomerCreationResult" },
    errors: { badInput: "leadCustomerData.email", missing: "trial offer configuration" },
  },
  {
    operationId: "getClassSlotsForTrialOffers",
    method: "get",
    path: "/v1/trial-offers/bookable-trial-offers/classes/{classId}/slots",
    tag,
    scope: "TRIAL_OFFER_READ",
    params: [pathId("classId"), ...slice],
    ok: { schema: "ClassSlotSlicedResult" },
    errors: { badInput: "classId", missing: "class" },
  },
  {
    operationId: "validateClassSlotForTrialOffers",
    method: "post",
    path: "/v1/trial-offers/classes/booking/validate",
    tag,
    scope: "TRIAL_OFFER_WRITE",
    idempotent: true,
    params: [],
    body: "ClassSlotBookingRequest",
    ok: { schema: "ClassSlotBookingValidationResult" },
    errors: { badInput: "customerId", missing: "class slot" },
  },
  {
    operationId: "bookClassSlotForTrialOffers",
    method: "post",
    path: "/v1/trial-offers/classes/booking/book",
    tag,
    scope: "TRIAL_OFFER_WRITE",
    idempotent: false,
    params: [],
    body: "ClassSlotBookingRequest",
    ok: { schema: "ClassSlotBookingResult" },
    errors: { badInput: "customerId", missing: "class slot" },
  },
  {
    operationId: "confirmTrialOfferBooking",
    method: "post",
    path: "/v1/trial-offers/bookings/{bookingId}/confirm",
    tag,
    scope: "TRIAL_OFFER_WRITE",
    idempotent: true,
    params: [pathId("bookingId")],
    ok: { schema: "BookingConfirmationResult" },
    errors: { badInput: "bookingId", missing: "trial offer booking" },
  },
];
