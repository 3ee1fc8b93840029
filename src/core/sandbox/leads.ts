/**
 * Whether a prospect could be registered as a lead: the details an offer's `leadDataConfig`
 * makes MANDATORY, and the e-mail address a lead of the studio gave before.
 */
import type { LeadData, LeadStatus, TrialOfferConfig } from "./state.js";

/** The body of the two lead calls, as the spec describes it. */
export interface LeadRequest {
  leadCustomerData: LeadData;
  trialOfferConfigId: number;
}

/** The lead's details each mode of `leadDataConfig` governs (assumed: the field of the same stem). */
const MODE_FIELDS = {
  genderMode: "gender",
  dateOfBirthMode: "dateOfBirth",
  telephoneMode: "telephone",
  addressMode: "address",
} as const;

const blank = (text: string | undefined) => (text ?? "").trim() === "";
const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The answer of lead validation. Assumed: a detail the offer's modes make MANDATORY that is
 * missing (or blank), a blank name, or an e-mail address without "@" is INVALID_LEAD_CUSTOMER_DATA;
 * an e-mail address a lead of the studio already gave (trimmed, in any case) is DUPLICATE_CUSTOMER.
 */
export function leadStatus(
  lead: LeadData,
  modes: TrialOfferConfig["leadDataConfig"],
  knownEmails: readonly string[],
): LeadStatus {
  const missing = Object.entries(MODE_FIELDS).some(([mode, field]) => {
    const value = lead[field];
    return (
      modes[mode as keyof typeof MODE_FIELDS] === "MANDATORY" &&
      (value === undefined || (typeof value === "string" && blank(value)))
    );
  });
  if (
    missing ||
    blank(lead.firstname) ||
    blank(lead.lastname) ||
    !/^[^\s@]+@[^\s@]+$/.test(lead.email.trim())
  )
    return "INVALID_LEAD_CUSTOMER_DATA";
  return knownEmails.some((known) => sameEmail(known, lead.email)) ? "DUPLICATE_CUSTOMER" : "POSSIBLE";
}
