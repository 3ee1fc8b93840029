/**
 * The release step, run by `npm version <major|minor|patch>` (the "version" lifecycle script in
 * package.json) after npm has written the new version into package.json:
 *
 * 1. the spec must pass the breaking-change gate against the previous release (spec-diff.ts);
 * 2. CHANGELOG.md must have a section for the new version;
 * 3. src/core/version.ts gets the new version;
 * 4. openapi/openapi.yaml becomes the new baseline in openapi/released/.
 *
 *   tsx scripts/release.ts [--root DIR]
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { specDiff } from "./spec-diff.js";
import { repoRoot } from "./spec.js";

export function release(root = repoRoot): string {
  const { version, name } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
    name: string;
  };
  const gate = specDiff(root);
  if (!gate.ok) throw new Error(gate.report);
  const changelog = readFileSync(path.join(root, "CHANGELOG.md"), "utf8");
  if (
    !new RegExp(`^## \\[${version.replace(/\./g, "\\.")}\\] - \\d{4}-\\d\\d-\\d\\d$`, "m").test(changelog)
  ) {
    throw new Error(
      `CHANGELOG.md has no section "## [${version}] - YYYY-MM-DD": move the Unreleased entries there first.`,
    );
  }
  const versionFile = path.join(root, "src", "core", "version.ts");
  writeFileSync(
    versionFile,
    readFileSync(versionFile, "utf8").replace(/VERSION = "[^"]*"/, `VERSION = "${version}"`),
  );
  copyFileSync(
    path.join(root, "openapi", "openapi.yaml"),
    path.join(root, "openapi", "released", "openapi.yaml"),
  );
  const record = { package: name, version, spec: "openapi/released/openapi.yaml" };
  writeFileSync(
    path.join(root, "openapi", "released", "release.json"),
    `${JSON.stringify(record, null, 2)}\n`,
  );
  return `${gate.report}\nreleased ${name} ${version}: src/core/version.ts and openapi/released/ updated`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const at = process.argv.indexOf("--root");
  try {
    console.log(release(at > 0 ? path.resolve(process.argv[at + 1]!) : repoRoot));
  } catch (error) {
    console.error(`release: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
