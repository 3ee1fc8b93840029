/** The mock's one error: why it could not start (a taken port, no Prism, Prism failing). */

/** Why the mock could not start: a taken port, no Prism, or Prism failing. */
export class MockServerError extends Error {
  /** The port that was already in use, when that is why the server could not start. */
  readonly portInUse: number | undefined;

  constructor(
    message: string,
    /** What Prism printed before it failed, if it ran at all. */
    readonly output = "",
    portInUse?: number,
  ) {
    super(output ? `${message}\n--- Prism output ---\n${output}` : message);
    this.name = "MockServerError";
    this.portInUse = portInUse;
  }
}
