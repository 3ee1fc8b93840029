/** Serves dist/docs/index.html (building it when missing or stale) on 127.0.0.1 and a free port. */
import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { buildDocs, docsFile } from "../../scripts/docs.js";
import { specFile } from "../../scripts/spec.js";

export function ensureDocs(): string {
  const built = (() => {
    try {
      return statSync(docsFile).mtimeMs;
    } catch {
      return 0;
    }
  })();
  if (built < statSync(specFile).mtimeMs) buildDocs();
  return docsFile;
}

export async function serveDocs(): Promise<{ url: string; close(): Promise<void> }> {
  const page = readFileSync(ensureDocs());
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
