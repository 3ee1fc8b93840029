/** The mock's one error: why it could not start (a taken port, no Prism, Prism failing). */

/** Why the mock could not start: a taken port, no Prism, or Prism failing. */
export class MockServerError extends Error {
  constructor(
    message: string,
    /** What Prism printed before it failed, if it ran at all. */
    readonly output = "",
  ) {
    super(output ? `${message}\n--- Prism output ---\n${output}` : message);
    this.name = "MockServerError";
  }
}
