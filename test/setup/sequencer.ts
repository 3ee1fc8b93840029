/**
 * The order test files start in: the longest first, across the three projects, so that the run
 * does not end waiting on one long file that started last (vitest on its own runs the projects
 * one after another and, without a cache of earlier runs, larger files first). The list is only an
 * order: a file not in it starts after those that are, larger files first, and a file that has
 * become quicker only starts early.
 */
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Files measured to take longest on a 2-core machine, longest first (vitest prints each file's
 * time), except that the package's files, which first wait about 30 s for the package setup to
 * pack and install, start once a few long files are running, one at a time, instead of holding
 * workers that would only wait.
 */
const LONGEST_FIRST = [
  "test/contract/dynamic.test.ts",
  "test/contract/mock-cli.test.ts",
  "test/limits/failover-killed.test.ts",
  "test/docs/start.test.ts",
  "test/spec/spec-diff.test.ts",
  "test/package/typescript.test.ts",
  "test/limits/failover-frozen.test.ts",
  "test/package/consumer.test.ts",
  "test/docs/browser.test.ts",
  "test/package/npx.test.ts",
  "test/examples/examples.test.ts",
  "test/sandbox/memory.test.ts",
  "test/limits/redis.test.ts",
  "test/limits/holds.test.ts",
  "test/spec/generate.test.ts",
  "test/docs/readme.test.ts",
  "test/limits/failover-sleep.test.ts",
  "test/package/tarball.test.ts",
];

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const at = LONGEST_FIRST.indexOf(
        path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join("/"),
      );
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    // Array.prototype.sort is stable: files of equal rank keep vitest's own order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
