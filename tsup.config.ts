import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: ES module and CommonJS, each with its own declarations.
    entry: { index: "src/index.ts", mock: "src/mock.ts" },
    format: ["esm", "cjs"],
    dts: true,
    // mock.ts locates the packaged spec from import.meta.url; the CJS build needs a shim for it.
    shims: true,
    target: "es2022",
    platform: "neutral",
    external: [/^node:/],
    clean: false,
    sourcemap: false,
    splitting: false,
    outDir: "dist",
  },
  {
    // The class-booking-mock command (Node only, ESM).
    entry: { "class-booking-mock": "scripts/mock-cli.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    clean: false,
    sourcemap: false,
    outDir: "dist/bin",
  },
]);
