/** npm start: mock and docs on free ports, both answer, both stop on Ctrl-C (SIGINT to the group). */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { claimPort } from "../../src/mock/listen.js";
import { repoRoot } from "../../scripts/spec.js";
import { ensureDocs } from "../helpers/docs-server.js";
import { goesDown, killAll, leftovers, processesWith, waitForLine } from "../helpers/process.js";

let child: ChildProcess | undefined;
const blockers: Server[] = [];
afterEach(() => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  blockers.splice(0).forEach((s) => s.close());
});

function npmStart(args: string[], env: Record<string, string> = {}) {
  // Its own process group, like a terminal's foreground job, so SIGINT reaches npm and its children.
  child = spawn("npm", ["start", "--silent", "--", ...args], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
  const output = () => out;
  return { child, exited, output };
}

describe("npm start", () => {
  it("prints both URLs, both answer, and SIGINT stops both", async () => {
    ensureDocs();
    const mockPort = await claimPort(0, "127.0.0.1");
    const docsPort = await claimPort(0, "127.0.0.1");
    const run = npmStart(["--mock-port", String(mockPort), "--docs-port", String(docsPort)]);
    await waitForLine(run.child, /Docs:\s+\S+/, 90_000);
    const mockUrl = `http://127.0.0.1:${mockPort}`;
    const docsUrl = `http://127.0.0.1:${docsPort}/`;
    expect(run.output()).toContain(`API:  ${mockUrl}  (the stateful sandbox`);
    expect(run.output()).toContain(`Docs: ${docsUrl}`);

    const page = await fetch(docsUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>Class Booking API</title>");
    // The sandbox: a booking is kept and read back.
    const headers = { "x-api-key": "demo", "content-type": "application/json" };
    const booked = await fetch(`${mockUrl}/v1/classes/booking/book`, {
      method: "POST",
      headers,
      body: JSON.stringify({ customerId: 777, classSlotId: 20334 }),
    });
    const { bookingId } = (await booked.json()) as { bookingId: number };
    expect(
      await (await fetch(`${mockUrl}/v1/classes/booking/${bookingId}`, { headers })).json(),
    ).toMatchObject({ customerId: 777, bookingStatus: "BOOKED" });

    process.kill(-run.child.pid!, "SIGINT");
    await run.exited;
    expect(await goesDown(docsUrl)).toBe(true);
    expect(await goesDown(`${mockUrl}/v1/classes`)).toBe(true);
  });

  it("--now and --clock start the sandbox's clock there; the control API reads and resets it", async () => {
    ensureDocs();
    const mockPort = await claimPort(0, "127.0.0.1");
    const run = npmStart([
      "--mock-port",
      String(mockPort),
      "--docs-port",
      "0",
      "--now",
      "2026-11-25T08:00:00Z",
      "--clock",
      "real",
    ]);
    await waitForLine(run.child, /Docs:\s+\S+/, 60_000);
    const url = `http://127.0.0.1:${mockPort}`;
    expect(run.output()).toMatch(
      new RegExp(`Clock: 2026-11-25T08:0\\d:\\d\\d\\.\\d{3}Z \\(real\\); controls at ${url}/_sandbox`),
    );
    const clock = async () =>
      (await (await fetch(`${url}/_sandbox/clock`)).json()) as { now: string; clock: string };
    const first = await clock();
    expect(first.clock).toBe("real");
    expect(Date.parse(first.now)).toBeGreaterThanOrEqual(Date.parse("2026-11-25T08:00:00Z"));
    await fetch(`${url}/_sandbox/clock`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ now: "2027-01-01T00:00:00Z" }),
    });
    expect(Date.parse((await clock()).now)).toBeGreaterThanOrEqual(Date.parse("2027-01-01T00:00:00Z"));
    expect((await fetch(`${url}/_sandbox/reset`, { method: "POST" })).status).toBe(204);
    expect(Date.parse((await clock()).now)).toBeLessThan(Date.parse("2027-01-01T00:00:00Z"));
    process.kill(-run.child.pid!, "SIGINT");
    await run.exited;
  });

  it("refuses the sandbox's flags with --static, and a --now that is no time", async () => {
    for (const [args, message] of [
      [["--static", "--clock", "real"], "npm start: --clock is the sandbox's; it does not go with --static"],
      [
        ["--now", "soon"],
        'npm start: --now must be an ISO 8601 date-time with an offset, such as 2026-12-01T08:00:00Z, got "soon"',
      ],
    ] as const) {
      const run = npmStart([...args, "--mock-port", "0", "--docs-port", "0"]);
      expect(await run.exited).toBe(2);
      expect(run.output()).toContain(message);
    }
  });

  it("--static serves Prism on the spec's examples instead", async () => {
    ensureDocs();
    const mockPort = await claimPort(0, "127.0.0.1");
    const run = npmStart(["--static", "--mock-port", String(mockPort), "--docs-port", "0"]);
    await waitForLine(run.child, /Docs:\s+\S+/, 90_000);
    expect(run.output()).toContain(`API:  http://127.0.0.1:${mockPort}  (Prism on the spec's examples)`);
    const headers = { "x-api-key": "demo", "content-type": "application/json" };
    const booked = await fetch(`http://127.0.0.1:${mockPort}/v1/classes/booking/book`, {
      method: "POST",
      headers,
      body: JSON.stringify({ customerId: 777, classSlotId: 20334 }),
    });
    expect(await booked.json()).toMatchObject({ customerId: 203 }); // the example, whoever was booked
    process.kill(-run.child.pid!, "SIGINT");
    await run.exited;
  });

  it.each([
    ["SIGTERM", []],
    ["SIGINT", []],
    ["SIGTERM", ["--static"]],
    ["SIGINT", ["--static"]],
  ] as const)("%s to npm's own pid only (%j): everything it started is gone", async (signal, extra) => {
    ensureDocs();
    const mockPort = await claimPort(0, "127.0.0.1");
    const marker = `--mock-port ${mockPort}`;
    // Its own process group, so that only npm's pid is signalled, not the group.
    const run = npmStart([...extra, "--mock-port", String(mockPort), "--docs-port", "0"]);
    try {
      await waitForLine(run.child, /Docs:\s+\S+/, 90_000);
      expect(processesWith(marker).length).toBeGreaterThanOrEqual(2); // npm, and what it started
      process.kill(run.child.pid!, signal);
      expect(await leftovers(marker)).toEqual([]);
      expect(await leftovers(`--port ${mockPort}`)).toEqual([]); // Prism, with --static
      expect(await goesDown(`http://127.0.0.1:${mockPort}/v1/classes`, 5_000)).toBe(true);
    } finally {
      killAll(marker);
      killAll(`--port ${mockPort}`);
    }
  });

  /** A port on 127.0.0.1 that a server of this test holds until the test ends. */
  async function takenPort(): Promise<number> {
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    return (blocker.address() as { port: number }).port;
  }

  it("a taken docs port: one line naming it and --docs-port / DOCS_PORT, not a stack trace", async () => {
    ensureDocs();
    const taken = await takenPort();
    const free = await claimPort(0, "127.0.0.1");
    const run = npmStart(["--mock-port", String(free), "--docs-port", String(taken)]);
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain(
      `npm start: the docs page's port ${taken} on 127.0.0.1 is already in use; choose another with --docs-port <n> or DOCS_PORT (0 picks a free one)`,
    );
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it.each([[[]], [["--static"]]])(
    "both ports taken (%j): the API's port is the one named, with --mock-port / MOCK_PORT",
    async (extra) => {
      ensureDocs();
      const [api, docs] = [await takenPort(), await takenPort()];
      const run = npmStart([...extra, "--mock-port", String(api), "--docs-port", String(docs)]);
      expect(await run.exited).not.toBe(0);
      expect(run.output()).toContain(
        `npm start: the API's port ${api} on 127.0.0.1 is already in use; choose another with --mock-port <n> or MOCK_PORT (0 picks a free one)`,
      );
      expect(run.output()).not.toContain(String(docs));
    },
  );

  it("PORT picks the mock port, and the docs take the next one", async () => {
    ensureDocs();
    let mockPort = 0;
    // Two neighbouring free ports (bounded tries).
    for (let i = 0; i < 20 && mockPort === 0; i++) {
      const candidate = await claimPort(0, "127.0.0.1");
      if (
        candidate < 65535 &&
        (await claimPort(candidate + 1, "127.0.0.1").then(
          () => true,
          () => false,
        ))
      )
        mockPort = candidate;
    }
    expect(mockPort).toBeGreaterThan(0);
    const run = npmStart([], { PORT: String(mockPort) });
    await waitForLine(run.child, /Docs:\s+\S+/, 90_000);
    expect(run.output()).toContain(`API:  http://127.0.0.1:${mockPort}`);
    expect(run.output()).toContain(`Docs: http://127.0.0.1:${mockPort + 1}/`);
    process.kill(-run.child.pid!, "SIGINT");
    await run.exited;
  });
});
