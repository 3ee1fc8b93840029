/**
 * class-booking-api/sandbox: an in-memory studio that behaves like the API and checks its own
 * answers against the spec (the engine is in src/core/sandbox, shared with the mock and msw entries).
 */
export { createSandbox, Sandbox } from "../core/sandbox/sandbox.js";
export type {
  Booking,
  Class,
  ClassRecord,
  ClassSlot,
  CustomerRecord,
  SandboxFixtures,
  SlotRecord,
  StudioState,
} from "../core/sandbox/state.js";
export { Studio, Problem, type StudioEvent } from "../core/sandbox/studio.js";
export type { Delivery, SandboxEvent, WebhookTarget } from "../core/sandbox/deliveries.js";
export type { Answer, Incoming } from "../core/sandbox/answer.js";
export type { SandboxOptions, Scope } from "../core/sandbox/options.js";
export type { ClockMode } from "../core/sandbox/clock.js";
export type { SandboxSnapshot } from "../core/sandbox/snapshot.js";
export { CONTROL_PREFIX } from "../core/sandbox/control.js";
