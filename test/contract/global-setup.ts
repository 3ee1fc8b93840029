/** Starts Prism once for the whole test run and hands its URL to the tests. */
import type { TestProject } from "vitest/node";
import { startMockServer } from "../../src/mock.js";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMockServer({ port: 0 });
  project.provide("mockUrl", mock.url);
  return () => mock.stop();
}
