import { describe, expect, it } from "vitest";
import { webhookDelivery } from "../../scripts/contract.js";
import { apiFacts } from "../../scripts/operations.js";
import { loadSpec, type Node } from "../../scripts/spec.js";
import { webhookDelivery as generatedDelivery } from "../../generated/contract.js";
import { api } from "../../generated/operations.js";

const spec = loadSpec();
const number = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1]);

describe("the rules the client and the sandbox read from the spec", () => {
  it("x-rate-limit says what the description's Rate limit section says", () => {
    const prose = spec.info.description as string;
    expect(spec["x-rate-limit"].requests).toBe(number(prose, /accepts (\d+) requests per minute/));
    expect(prose).toMatch(/refused with 429 for the following minute/);
    expect(spec["x-rate-limit"]).toMatchObject({ windowSeconds: 60, lockoutSeconds: 60 });
  });

  it("x-webhook-delivery says what the Class webhooks tag says", () => {
    const tag = (spec.tags as Node[]).find((t) => t.name === "Class webhooks")!;
    expect(spec["x-webhook-delivery"].timeoutSeconds).toBe(
      number(tag.description, /with a (\d+) second timeout/),
    );
  });

  it("generated/ holds them in the units the code uses", () => {
    expect(api).toEqual({
      keyHeader: spec.components.securitySchemes.ApiKeyAuth.name.toLowerCase(),
      tenantUrl: (spec.servers as Node[]).find((s) => s.variables?.tenant)!.url,
      rateLimit: {
        limit: spec["x-rate-limit"].requests,
        windowMs: spec["x-rate-limit"].windowSeconds * 1000,
        lockoutMs: spec["x-rate-limit"].lockoutSeconds * 1000,
      },
    });
    expect(generatedDelivery).toEqual({
      keyHeader: spec.components.securitySchemes.WebhookKey.name.toLowerCase(),
      timeoutMs: spec["x-webhook-delivery"].timeoutSeconds * 1000,
    });
  });

  it("follows a change of the spec", () => {
    const changed = structuredClone(spec);
    changed["x-rate-limit"] = { requests: 300, windowSeconds: 10, lockoutSeconds: 120 };
    changed.components.securitySchemes.ApiKeyAuth.name = "X-Studio-Key";
    changed["x-webhook-delivery"] = { timeoutSeconds: 9 };
    expect(apiFacts(changed)).toMatchObject({
      keyHeader: "x-studio-key",
      rateLimit: { limit: 300, windowMs: 10_000, lockoutMs: 120_000 },
    });
    expect(webhookDelivery(changed)).toEqual({ keyHeader: "x-api-key", timeoutMs: 9000 });
  });

  it.each([
    ["x-rate-limit is missing", (s: Node) => delete s["x-rate-limit"], /x-rate-limit\.requests/],
    [
      "the window is not whole seconds",
      (s: Node) => (s["x-rate-limit"].windowSeconds = 0.5),
      /x-rate-limit\.windowSeconds/,
    ],
    ["no server has a {tenant}", (s: Node) => (s.servers = [{ url: "https://example.com" }]), /\{tenant\}/],
    [
      "the key is not a header",
      (s: Node) => (s.components.securitySchemes.ApiKeyAuth.in = "query"),
      /ApiKeyAuth must be an apiKey sent in a header/,
    ],
  ])("refuses to generate when %s", (_, change, message) => {
    const changed = structuredClone(spec);
    change(changed);
    expect(() => apiFacts(changed)).toThrow(message);
  });

  it("refuses webhooks that name different schemes, or no timeout", () => {
    const mixed = structuredClone(spec);
    mixed.webhooks.CLASS_SLOT_CANCELLED.post.security = [{ ApiKeyAuth: [] }];
    expect(() => webhookDelivery(mixed)).toThrow(/same one security scheme/);
    const untimed = structuredClone(spec);
    delete untimed["x-webhook-delivery"];
    expect(() => webhookDelivery(untimed)).toThrow(/x-webhook-delivery\.timeoutSeconds/);
  });
});
