/**
 * One sandbox per test file: a test file that calls `useSandbox()` gets the sandbox over HTTP on a
 * free port of its own, in its own worker (test files run side by side and never share state),
 * fresh before each test, and stopped when the file's tests are done.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startMockServer, type MockServer } from "class-booking-api/mock";
import type { Sandbox } from "class-booking-api/sandbox";

type SandboxServer = MockServer & { sandbox: Sandbox };

export function useSandbox(): { readonly server: SandboxServer } {
  let server: SandboxServer | undefined;
  beforeAll(async () => {
    server = await startMockServer({ stateful: true });
  });
  beforeEach(() => server!.sandbox.reset()); // fresh studios, the clock where it started
  afterAll(() => server?.stop());
  return {
    get server() {
      if (!server) throw new Error("useSandbox(): the sandbox starts in beforeAll; use it inside a test");
      return server;
    },
  };
}
