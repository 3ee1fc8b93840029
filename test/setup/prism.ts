/** Global setup of the "prism" tests: starts Prism once for the run and hands its URL to the tests. */
import type { TestProject } from "vitest/node";
import { startMockServer } from "../../src/mock/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // Prism starts in about a second on a quiet machine; a busy one gets two minutes.
  const mock = await startMockServer({ port: 0, startTimeoutMs: 120_000 });
  project.provide("mockUrl", mock.url);
  return () => mock.stop();
}
