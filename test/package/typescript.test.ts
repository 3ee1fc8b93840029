/** The packed package in a strict TypeScript project, under moduleResolution node16 and bundler. */
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { operations } from "../../generated/operations.js";
import { scopes } from "../../generated/contract.js";
import { hoverService } from "../helpers/hover.js";
import { TSC_TEST_TIMEOUT_MS, TSC_TIMEOUT_MS } from "../helpers/typecheck.js";
import { bin, pack, run, usePackedPackage, write } from "./packed.js";

usePackedPackage();

describe("a consumer's TypeScript", () => {
  const typed = `import { createClassBookingClient, isApiError, type ClassSlotBookingResult } from "class-booking-api";
import { startMockServer, type MockServer } from "class-booking-api/mock";
export async function flow(mock: MockServer): Promise<ClassSlotBookingResult | undefined> {
  const client = createClassBookingClient({ baseUrl: mock.url, apiKey: "demo" });
  try {
    const { validationStatus } = await client.validateClassSlot({ customerId: 203, classSlotId: 20334 });
    return validationStatus === "AVAILABLE" ? await client.bookClassSlot({ customerId: 203, classSlotId: 20334 }) : undefined;
  } catch (e) {
    if (isApiError(e, 409)) console.log(e.body?.errorMessage);
    throw e;
  }
}
export const start: () => Promise<MockServer> = startMockServer;
`;

  it.each(["node16", "bundler"])(
    "type-checks strictly with moduleResolution %s, and a type error fails",
    (resolution) => {
      const dir = path.join(pack.consumer, `ts-${resolution}`);
      const module = resolution === "node16" ? "node16" : "esnext";
      write(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            module,
            moduleResolution: resolution,
            target: "es2022",
            lib: ["es2022", "dom"],
            types: [],
            skipLibCheck: false,
          },
          include: ["*.ts"],
        }),
      );
      // One compile checks both: the flow has no error, and the wrong call has exactly its own.
      write(path.join(dir, "flow.ts"), typed);
      write(
        path.join(dir, "wrong.ts"),
        `import { createClassBookingClient } from "class-booking-api";
void createClassBookingClient({ baseUrl: "https://x.example", apiKey: "k" }).bookClassSlot({ customerId: "203", classSlotId: 1 });\n`,
      );
      const res = run(bin("tsc"), ["-p", dir], { timeout: TSC_TIMEOUT_MS });
      const errors = res.stdout.split("\n").filter((line) => /error TS\d+/.test(line));
      expect(
        errors.filter((line) => !/wrong\.ts\(\d+,\d+\)/.test(line)),
        res.stdout,
      ).toEqual([]);
      expect(res.stdout).toMatch(/wrong\.ts\(2,\d+\): error TS2322/);
      expect(res.status).not.toBe(0);
    },
    TSC_TEST_TIMEOUT_MS,
  );

  it(
    "shows each method's docs on hover from the installed declarations",
    () => {
      const ids = Object.keys(operations) as Array<keyof typeof operations>;
      const source = [
        'import { createClassBookingClient } from "class-booking-api";',
        "const client = createClassBookingClient();",
        ...ids.map((id) => `client.withResponse.${id};`),
      ].join("\n");
      const service = hoverService(path.join(pack.consumer, "hover-probe.ts"), source, {
        strict: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
        types: [],
      });
      expect(service.errors()).toEqual([]);
      for (const id of ids) {
        const { shown, text, tags } = service.hover(source.indexOf(`.${id};`) + 1);
        expect(shown, id).toContain(id);
        expect(text, id).toContain(`Required scope: \`${scopes[id]}\``);
        expect(
          tags.find((tag) => tag.startsWith("@example")),
          id,
        ).toContain(`client.${id}(`);
      }
    },
    TSC_TEST_TIMEOUT_MS,
  );
});
