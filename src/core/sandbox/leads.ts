/**
 * Whether a prospect could be registered as a lead: the details an offer's `leadDataConfig`
 * makes MANDATORY, and the e-mail address a lead of the studio gave before.
 */
import { schemas } from "../../../generated/contract.js";
import type { LeadData, LeadStatus, TrialOfferConfig } from "./state.js";

/** The body of the two lead calls, as the spec describes it. */
export interface LeadRequest {
  leadCustomerData: LeadData;
  trialOfferConfigId: number;
}

/**
 * The detail a mode of `leadDataConfig` governs (assumed: the field of the same stem, so
 * `telephoneMode` governs `telephone`); read from the mode's name, so a mode the spec adds
 * counts too.
 */
const governed = (mode: string) =>
  mode.endsWith("Mode") ? (mode.slice(0, -4) as keyof LeadData) : undefined;
/** The details every lead must give, as the spec's LeadData lists them. */
const REQUIRED = (schemas.LeadData?.required ?? []) as ReadonlyArray<keyof LeadData>;

const blank = (text: string | undefined) => (text ?? "").trim() === "";
const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The answer of lead validation. Assumed: a detail the offer's modes make MANDATORY that is
 * missing (or blank), a blank required detail, or an e-mail address without "@" is
 * INVALID_LEAD_CUSTOMER_DATA; an e-mail address a lead of the studio already gave (trimmed, in
 * any case) is DUPLICATE_CUSTOMER.
 */
export function leadStatus(
  lead: LeadData,
  modes: TrialOfferConfig["leadDataConfig"],
  knownEmails: readonly string[],
): LeadStatus {
  const absent = (field: keyof LeadData) => {
    const value = lead[field];
    return value === undefined || (typeof value === "string" && blank(value));
  };
  const missing = Object.entries(modes).some(([mode, setting]) => {
    const field = governed(mode);
    return field !== undefined && setting === "MANDATORY" && absent(field);
  });
  if (missing || REQUIRED.some(absent) || !/^[^\s@]+@[^\s@]+$/.test(lead.email.trim()))
    return "INVALID_LEAD_CUSTOMER_DATA";
  return knownEmails.some((known) => sameEmail(known, lead.email)) ? "DUPLICATE_CUSTOMER" : "POSSIBLE";
}
