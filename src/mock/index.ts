/**
 * class-booking-api/mock: a local mock API. Prism serves the package's openapi.yaml (stateless,
 * the spec's examples), or with `stateful: true` the sandbox answers. Node only.
 */
export { MockServerError } from "./error.js";
export { startMockServer } from "./start.js";
export type { MockServer, MockServerOptions } from "./start.js";
