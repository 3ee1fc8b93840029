/** How generated files are written: the banner they start with, and values as TypeScript literals. */

export const SPEC_PATH = "openapi/openapi.yaml";

/** The banner every generated file starts with. */
export function header(generator: string): string {
  return [
    "/**",
    ` * GENERATED FILE: do not edit. Written by scripts/generate.ts (${generator})`,
    ` * from ${SPEC_PATH}. Change the spec, then run \`npm run generate\`.`,
    " */",
    "",
    "",
  ].join("\n");
}

/** Writes a value as a TypeScript literal on one line: `{ key: "text", list: [1, 2] }`. */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value && typeof value === "object") {
    const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
    const fields = Object.entries(value).map(([k, v]) => `${key(k)}: ${literal(v)}`);
    return fields.length ? `{ ${fields.join(", ")} }` : "{}";
  }
  return JSON.stringify(value);
}
