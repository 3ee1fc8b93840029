/**
 * class-booking-api/msw: Mock Service Worker request handlers backed by a sandbox, for apps that
 * already mock their network with MSW (msw 2.x, an optional peer dependency of this package).
 */
export { sandboxHandlers } from "./handlers.js";
export type { SandboxHandlersOptions } from "./handlers.js";
