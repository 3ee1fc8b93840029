/**
 * The seeded studio's trial offers: the spec's example offers, and two more on classes the seed
 * makes up, so that every rule of an offer's configuration has an offer to try it on.
 */
import { examples } from "../../../generated/contract.js";
import type { ClassRecord, TrialOfferConfig, TrialOfferRecord } from "./state.js";

/** The named examples of one answer, in the spec's order. */
const all = <T>(named: Readonly<Record<string, T>> | undefined): T[] => Object.values(named ?? {});
const EXAMPLE_CONFIGS: TrialOfferConfig[] = all(examples.getTrialOfferConfig[200]);
const EXAMPLE_TRIAL_CLASSES = all(examples.getBookableTrialOfferClasses[200]).flatMap((s) => s.result);

/**
 * Offers of the seeded studio beside the spec's examples, each on one made-up class (by title):
 * one with a contingent of three, a one-week repeat-booking term, a confirmation three hours
 * ahead and two mandatory details; and one that does not let leads book.
 */
const MORE_OFFERS: Array<{ title: string; config: Omit<TrialOfferConfig, "id"> }> = [
  {
    title: "HIIT Express",
    config: {
      name: "Three HIIT sessions to try",
      preventMultipleBookingsTerm: { value: 1, unit: "WEEK" },
      contingent: 3,
      confirmationOfBookingTerm: { value: 3, unit: "HOURS" },
      allowBookingForLeads: true,
      leadDataConfig: {
        trialOfferLeadDataConfigId: 3,
        genderMode: "INACTIVE",
        dateOfBirthMode: "MANDATORY",
        telephoneMode: "OPTIONAL",
        addressMode: "MANDATORY",
      },
    },
  },
  {
    title: "Body Pump",
    config: {
      name: "Body Pump for members' friends",
      preventMultipleBookingsTerm: { value: 1, unit: "YEAR" },
      contingent: 1,
      allowBookingForLeads: false,
      leadDataConfig: {
        trialOfferLeadDataConfigId: 4,
        genderMode: "INACTIVE",
        dateOfBirthMode: "INACTIVE",
        telephoneMode: "INACTIVE",
        addressMode: "INACTIVE",
      },
    },
  },
];

/**
 * The trial offers: the spec's example offers on the classes its examples pair them with (an
 * example offer no class names goes to the first made-up class), then MORE_OFFERS.
 */
export function seededTrialOffers(classes: ClassRecord[], exampleClassIds: Set<number>): TrialOfferRecord[] {
  const made = classes.filter((c) => !exampleClassIds.has(c.id) && !c.displayOnly);
  const offers: TrialOfferRecord[] = EXAMPLE_CONFIGS.map((config) => {
    const named = EXAMPLE_TRIAL_CLASSES.filter((t) => t.trialOfferConfigId === config.id);
    const classIds = named.length
      ? named.map((t) => t.trialOfferClass.id)
      : made.slice(0, 1).map((c) => c.id);
    return { config: structuredClone(config), classIds: [...new Set(classIds)] };
  });
  for (const { title, config } of MORE_OFFERS) {
    const cls = classes.find((c) => c.title === title);
    const id = Math.max(0, ...offers.map((o) => o.config.id)) + 1;
    if (cls)
      offers.push({
        config: {
          ...config,
          id,
          leadDataConfig: { ...config.leadDataConfig, trialOfferLeadDataConfigId: id },
        },
        classIds: [cls.id],
      });
  }
  return offers;
}
