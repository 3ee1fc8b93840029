/**
 * The response validator: the `validateResponses` option that checks each answer against the
 * spec (core/contract.ts does the checking), and the error it throws.
 *
 *   createClassBookingClient({ ..., validateResponses: responseValidator({ mode: "warn", onDrift }) })
 */
import { checkResponse, type ResponseValidator, type ResponseViolation } from "../core/contract.js";
import { ClassBookingError } from "../core/errors.js";
import { describeViolations } from "../core/schema.js";

export { checkResponse, type ResponseViolation };

/** What `onDrift` is told: which answer differed, and every place where it did. */
export interface Drift {
  operationId: string;
  status: number;
  violations: ResponseViolation[];
}

export interface ResponseValidatorOptions {
  /**
   * "throw": a differing answer rejects the call with a ResponseValidationError.
   * "warn": the call returns the answer as it came, and `onDrift` hears about it.
   * @default "throw"
   */
  mode?: "throw" | "warn";
  /** Called with every differing answer, in both modes. An error it throws is ignored. @default undefined */
  onDrift?: (drift: Drift) => void;
}

/** An answer of the API does not match the spec (mode "throw"). */
export class ResponseValidationError extends ClassBookingError {
  override name = "ResponseValidationError";
  declare readonly operationId: string;
  /** The answer's status. */
  readonly status: number;
  /** Every place where the answer differs, each with its JSON pointer. */
  readonly violations: ResponseViolation[];

  constructor(drift: Drift) {
    super(
      `${drift.operationId}: the ${drift.status} answer does not match the spec: ${describeViolations(drift.violations, drift.violations.length, Infinity)}`,
      {
        operationId: drift.operationId,
      },
    );
    this.status = drift.status;
    this.violations = drift.violations;
  }
}

/** Makes the `validateResponses` option of createClassBookingClient. */
export function responseValidator(options: ResponseValidatorOptions = {}): ResponseValidator {
  const { mode = "throw", onDrift } = options;
  if (mode !== "throw" && mode !== "warn")
    throw new ClassBookingError(
      `responseValidator: option "mode" must be "throw" or "warn", got ${JSON.stringify(mode)}`,
    );
  if (onDrift !== undefined && typeof onDrift !== "function")
    throw new ClassBookingError('responseValidator: option "onDrift" must be a function');
  return ({ operationId, status, body }) => {
    const found = checkResponse(operationId, status, body);
    if (!found.length) return;
    const drift: Drift = { operationId, status, violations: found };
    try {
      onDrift?.(drift);
    } catch {
      // A listener's own failure must not change the call's outcome.
    }
    if (mode === "throw") throw new ResponseValidationError(drift);
  };
}
