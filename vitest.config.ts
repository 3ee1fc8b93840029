import { defineConfig } from "vitest/config";
import { LongestFirst } from "./test/setup/sequencer.js";

/** Tests that call Prism, started once for them (test/setup/prism.ts). */
const PRISM = ["test/contract/contract.test.ts", "test/contract/dynamic.test.ts"];
/** Tests of the built and packed package (test/setup/package.ts builds, packs and installs it once, in the background). */
const PACKAGE = ["test/package/**/*.test.ts", "test/runtimes/**/*.test.ts", "test/examples/**/*.test.ts"];

export default defineConfig({
  test: {
    // Most test files wait on servers and child processes more than on the CPU, so a 2-core
    // machine keeps four of them busy at once (measured: 3 workers 170 s, 4 workers 138 s, quiet).
    maxWorkers: 4,
    // Sized for a busy machine: a test that needs longer says so itself.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    sequence: { sequencer: LongestFirst },
    // The type tests (test/types/*.test-d.ts) are checked by npm test's type check (tsc over the
    // whole tree, where a failed expectTypeOf is a type error), not a second time here.
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...PRISM, ...PACKAGE],
        },
      },
      { extends: true, test: { name: "prism", include: PRISM, globalSetup: ["test/setup/prism.ts"] } },
      { extends: true, test: { name: "package", include: PACKAGE, globalSetup: ["test/setup/package.ts"] } },
    ],
  },
});
