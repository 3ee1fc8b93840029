/**
 * Every relative link of README.md, the guides in docs/ and examples/README.md points at a file
 * that exists, and a link to a heading (`guide.md#rate-limits`, `#options`) at a heading that
 * exists, with the anchor GitHub makes of it. README links every guide and every example.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/spec.js";

const guides = readdirSync(path.join(repoRoot, "docs"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => `docs/${f}`);
const documents = ["README.md", ...guides, "examples/README.md"];

/** Markdown without its fenced and inline code, where a `](` is no link. */
const prose = (markdown: string) => markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "code");

/** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as dashes. */
function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  for (const [, heading] of markdown.replace(/```[\s\S]*?```/g, "").matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading!
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, "")
      .replace(/ /g, "-");
    let unique = slug;
    for (let n = 1; found.has(unique); n++) unique = `${slug}-${n}`;
    found.add(unique);
  }
  return found;
}

/** The relative links of one document (its path from the repository's root) that lead nowhere. */
function brokenLinks(
  doc: string,
  markdown: string,
  read = (file: string) => readFileSync(file, "utf8"),
): string[] {
  const broken: string[] = [];
  for (const [, target] of prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target!)) continue; // https:, mailto:: not a file of this repository
    const [file, anchor] = target!.split("#") as [string, string | undefined];
    const resolved =
      file === "" ? path.join(repoRoot, doc) : path.resolve(path.join(repoRoot, path.dirname(doc)), file);
    if (!resolved.startsWith(repoRoot) || !existsSync(resolved)) {
      broken.push(`${target} (no such file)`);
      continue;
    }
    if (anchor !== undefined) {
      if (statSync(resolved).isDirectory() || !resolved.endsWith(".md"))
        broken.push(`${target} (an anchor in no Markdown file)`);
      else if (!anchors(file === "" ? markdown : read(resolved)).has(anchor))
        broken.push(`${target} (no such heading)`);
    }
  }
  return broken;
}

describe("links between README.md, docs/ and examples/", () => {
  it("every guide in docs/ is found", () => {
    expect(guides).toEqual(
      expect.arrayContaining(["docs/sandbox.md", "docs/webhooks.md", "docs/options-and-errors.md"]),
    );
  });

  it.each(documents)("every relative link of %s resolves", (doc) => {
    const markdown = readFileSync(path.join(repoRoot, doc), "utf8");
    expect(brokenLinks(doc, markdown)).toEqual([]);
  });

  it("the check would catch a link to a missing file, to a missing heading, and to a heading of its own that is missing", () => {
    const markdown = [
      "# Title",
      "## `npm start` in a clone",
      "[ok](docs/sandbox.md#the-control-api) [ok](#npm-start-in-a-clone) [ok](https://example.com/x)",
      "[gone](docs/nothing.md) [gone](docs/sandbox.md#no-such-heading) [gone](#nowhere)",
      "`[not a link](docs/nothing-either.md)`",
    ].join("\n");
    expect(brokenLinks("README.md", markdown)).toEqual([
      "docs/nothing.md (no such file)",
      "docs/sandbox.md#no-such-heading (no such heading)",
      "#nowhere (no such heading)",
    ]);
  });

  it("README links every guide and every example", () => {
    const readme = prose(readFileSync(path.join(repoRoot, "README.md"), "utf8"));
    for (const guide of guides) expect(readme, guide).toContain(`](${guide}`);
    const examples = readdirSync(path.join(repoRoot, "examples"), { withFileTypes: true })
      .filter((e) => e.isDirectory() || (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")))
      .map((e) => (e.isDirectory() ? `examples/${e.name}/` : `examples/${e.name}`));
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const example of examples) expect(readme, example).toContain(`](${example})`);
  });
});
