/** Serves dist/docs/index.html (building it when missing or stale) on 127.0.0.1 and a free port; other paths 404, as under npm start. */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ensureDocs } from "../../scripts/docs.js";

export { ensureDocs };

export async function serveDocs(): Promise<{ url: string; close(): Promise<void> }> {
  const page = readFileSync(ensureDocs());
  const server = createServer((req, res) => {
    if (req.url !== "/" && req.url !== "/index.html")
      return res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
