/**
 * class-booking-api/msw: Mock Service Worker request handlers backed by a sandbox, for apps that
 * already mock their network with MSW (msw 2.x, an optional peer dependency of this package).
 *
 *   const server = setupServer(...sandboxHandlers(createSandbox(), { baseUrl: "https://mystudio.open-api.magicline.com" }));
 */
import { http, type HttpHandler } from "msw";
import type { Sandbox } from "../core/sandbox/sandbox.js";
import { apiRoot } from "../core/spec.js";

export interface SandboxHandlersOptions {
  /**
   * The API's base URL the app calls; requests to `<baseUrl>/v1/...` (the spec's paths) are
   * answered.
   * @default any origin
   */
  baseUrl?: string;
}

/** One handler for every path of the API under `baseUrl`, answered by the sandbox. */
export function sandboxHandlers(sandbox: Sandbox, options: SandboxHandlersOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? "*").replace(/\/+$/, "");
  return [http.all(`${base}${apiRoot}/*`, ({ request }) => sandbox.handle(request))];
}
