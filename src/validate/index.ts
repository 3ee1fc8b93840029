/**
 * class-booking-api/validate: opt-in checks of the API's answers against the spec. Its own entry,
 * so the schemas and the checker weigh nothing unless an app imports it.
 */
export { checkResponse, responseValidator, ResponseValidationError } from "./validator.js";
export type { Drift, ResponseValidatorOptions, ResponseViolation } from "./validator.js";
