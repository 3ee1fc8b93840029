/**
 * Builds the one-page API docs: adds generated code samples (x-codeSamples) to a copy of the
 * spec and renders it with `redocly build-docs` into dist/docs/index.html.
 *
 *   tsx scripts/docs.ts
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pkg from "../package.json" with { type: "json" };
import { deref, exampleInput, loadSpec, operations, repoRoot, specFile, type Node } from "./spec.js";

export const docsDir = path.join(repoRoot, "dist", "docs");
export const docsFile = path.join(docsDir, "index.html");

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

/** The sample's input: every example value, less those equal to the parameter's default. */
export function sampleInput(spec: Node, op: Node): Record<string, unknown> {
  const input = exampleInput(spec, op);
  for (const ref of op.parameters ?? []) {
    const param = deref(spec, ref);
    if (param.schema?.default !== undefined && input[param.name] === param.schema.default)
      delete input[param.name];
  }
  return input;
}

const literal = (input: Record<string, unknown>) => {
  const entries = Object.entries(input).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return entries.length ? `{ ${entries.join(", ")} }` : "";
};

/** A TypeScript sample calling the operation through this package's client. */
export function typescriptSample(spec: Node, operationId: string, op: Node): string {
  const args = literal(sampleInput(spec, op));
  const ok = deref(spec, op.responses["200"]);
  const call = `client.${operationId}(${args})`;
  const lines = [
    'import { createClassBookingClient } from "class-booking-api";',
    "",
    "const client = createClassBookingClient({",
    `  baseUrl: ${JSON.stringify(spec.servers[0].url)},`,
    "  apiKey: process.env.CLASS_BOOKING_API_KEY!,",
    "});",
    "",
  ];
  if (!ok.content) {
    lines.push(`await ${call}; // resolves to undefined: the answer has no body`);
    return lines.join("\n");
  }
  lines.push(`const result = await ${call};`, "console.log(result);");
  const schema = deref(spec, ok.content["application/json"].schema);
  if (schema.properties?.hasNext && schema.properties?.offset) {
    lines.push(
      "",
      "// Or every item of every slice:",
      `for await (const item of client.paginate.${operationId}(${args})) {`,
    );
    lines.push("  console.log(item);", "}");
  }
  return lines.join("\n");
}

/** The header the operations' security scheme sends the key in, as the spec spells it. */
function keyHeaderName(spec: Node): string {
  const scheme = Object.keys(spec.security?.[0] ?? {})[0];
  return spec.components.securitySchemes[scheme!].name;
}

/** A curl sample for the same call. */
export function curlSample(spec: Node, method: string, route: string, op: Node): string {
  const input = sampleInput(spec, op);
  const params = (op.parameters ?? []).map((p: Node) => deref(spec, p));
  let url = spec.servers[0].url + route;
  const query = new URLSearchParams();
  const body: Record<string, unknown> = { ...input };
  for (const param of params) {
    delete body[param.name];
    if (input[param.name] === undefined) continue;
    if (param.in === "path")
      url = url.replace(`{${param.name}}`, encodeURIComponent(String(input[param.name])));
    if (param.in === "query") query.set(param.name, String(input[param.name]));
  }
  const search = query.toString();
  const lines = [
    `curl -X ${method.toUpperCase()} "${url}${search ? `?${search}` : ""}"`,
    `  -H "${keyHeaderName(spec)}: $CLASS_BOOKING_API_KEY"`,
    '  -H "Accept: application/json"',
  ];
  if (op.requestBody) {
    lines.push('  -H "Content-Type: application/json"', `  -d '${JSON.stringify(body)}'`);
  }
  return lines.join(" \\\n");
}

/**
 * A short section for the top of the page: how to use the API from TypeScript with this package,
 * and how to run it locally. Added at build time; the spec itself describes only the API.
 */
export const PACKAGE_INTRO = `## Use it from TypeScript
The \`class-booking-api\` package is a typed client for every operation on this page, with
retries, timeouts and the API's rate limit built in, and a local sandbox that books like the API.

\`\`\`sh
npm install class-booking-api     # until it is published: npm install ./class-booking-api-<version>.tgz (npm pack in a clone)
npx class-booking-mock --stateful # the sandbox on http://127.0.0.1:4010, for trying every call here
\`\`\`

Every operation below has a TypeScript sample next to its curl one. This page describes version
API_VERSION of the API and comes with version ${pkg.version} of the package.
`;

/** The spec with x-codeSamples on every operation, and the package's intro in its description. */
export function specWithSamples(spec: Node = loadSpec()): Node {
  const copy = structuredClone(spec);
  copy.info.description = `${copy.info.description.trimEnd()}\n\n${PACKAGE_INTRO.replace("API_VERSION", copy.info.version)}`;
  // The page's heading shows "title (version)": say whose version it is, so that it is not read
  // as the package's.
  copy.info.version = `API version ${copy.info.version}`;
  for (const { operationId, method, path: route, op } of operations(copy)) {
    const samples: CodeSample[] = [
      { lang: "TypeScript", label: "TypeScript", source: typescriptSample(copy, operationId, op) },
      { lang: "curl", label: "curl", source: curlSample(copy, method, route, op) },
    ];
    op["x-codeSamples"] = samples;
  }
  return copy;
}

/**
 * The page shows Redocly's logo from their CDN. The docs must work offline (and our browser test
 * has no network), so the logo is inlined as a small SVG; the "API docs by" link stays.
 */
const REMOTE_LOGOS = [
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg",
  "https://cdn.redoc.ly/redoc/logo-mini.svg",
];
const INLINE_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="56" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#0044D4">Redocly</text></svg>',
)}`;

/** Browsers ask every page for /favicon.ico; an empty inline icon saves that request (and its 404). */
const FAVICON = '<link rel="icon" href="data:,">';

/**
 * Code blocks wrap their long lines instead of running out of their box: Redocly's panels are
 * narrow, and their thin scrollbars are easy to miss (and hidden on many systems until one
 * scrolls), so a sample's end would read as cut off.
 */
const WRAP_CODE =
  "<style>pre, pre code { white-space: pre-wrap !important; overflow-wrap: anywhere; }</style>";

/** The built page, made to work offline and to show every line of code whole. */
export function finishPage(html: string): string {
  let page = REMOTE_LOGOS.reduce((text, url) => text.replaceAll(url, INLINE_LOGO), html);
  if (!page.includes(FAVICON)) page = page.replace("<head>", `<head>\n  ${FAVICON}`);
  return page.includes(WRAP_CODE) ? page : page.replace("</head>", `  ${WRAP_CODE}\n</head>`);
}

export function buildDocs(): string {
  mkdirSync(docsDir, { recursive: true });
  // Built under names of this process's own and renamed into place, so that two builds at once
  // (npm start and a test, say) never leave or read a half-written page.
  const specCopy = path.join(docsDir, `openapi.${process.pid}.json`);
  const building = `${docsFile}.${process.pid}.tmp`;
  try {
    writeFileSync(specCopy, JSON.stringify(specWithSamples(), null, 2));
    const redocly = path.join(repoRoot, "node_modules", ".bin", "redocly");
    const res = spawnSync(
      redocly,
      [
        "build-docs",
        specCopy,
        "--output",
        building,
        "--inlineBundle",
        "--title",
        "Class Booking API",
        "--config",
        path.join(repoRoot, "redocly.yaml"),
      ],
      { cwd: repoRoot, encoding: "utf8", timeout: 300_000 },
    );
    if (res.status !== 0)
      throw new Error(
        `redocly build-docs failed:\n${res.stdout}\n${res.stderr}${res.error ? String(res.error) : ""}`,
      );
    writeFileSync(building, finishPage(readFileSync(building, "utf8")));
    renameSync(building, docsFile);
  } finally {
    rmSync(specCopy, { force: true });
    rmSync(building, { force: true });
  }
  return docsFile;
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Whether dist/docs/index.html is missing or older than what it is built from. */
export function docsAreStale(): boolean {
  const inputs = [
    specFile,
    fileURLToPath(import.meta.url),
    path.join(repoRoot, "redocly.yaml"),
    path.join(repoRoot, "package.json"),
  ];
  return mtime(docsFile) < Math.max(...inputs.map(mtime));
}

/** Builds the docs only when they are stale; returns the page's path. */
export function ensureDocs(): string {
  return docsAreStale() ? buildDocs() : docsFile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(`wrote ${path.relative(repoRoot, buildDocs())}`);
}
