import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { claimPort } from "../../src/mock/listen.js";
import { PRISM_PACKAGE, PRISM_VERSION } from "../../src/mock/prism.js";
import { MockServerError, startMockServer } from "../../src/mock/index.js";
import pkg from "../../package.json" with { type: "json" };
import { repoRoot } from "../../scripts/spec.js";
import { goesDown, leftovers, waitForLine } from "../helpers/process.js";

// Run TypeScript as `node --import tsx file`: one process, so a kill reaches the script itself
// (the tsx binary would put a wrapper process in between).
const TSX = [
  "--import",
  pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href,
];
const cli = path.join(repoRoot, "src", "cli", "class-booking-mock.ts");
const runTs = (file: string, args: string[] = [], cwd = repoRoot) =>
  spawn(process.execPath, [...TSX, file, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
const runTsSync = (file: string, args: string[] = [], cwd = repoRoot) =>
  spawnSync(process.execPath, [...TSX, file, ...args], { cwd, encoding: "utf8", timeout: 30_000 });
const children: ChildProcess[] = [];
const blockers: Server[] = [];
const temps: string[] = [];
afterEach(() => {
  children.splice(0).forEach((c) => c.kill("SIGKILL"));
  blockers.splice(0).forEach((s) => s.close());
});
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** Occupies a free port on 127.0.0.1 and returns it. */
async function takenPort(): Promise<number> {
  const server = createServer();
  blockers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

describe("startMockServer()", () => {
  it("names the Prism version the project pins, inside the peer range it declares", () => {
    expect(PRISM_VERSION).toBe(pkg.devDependencies[PRISM_PACKAGE]);
    // 5.15 and later need Node 24; the range admits only the line that runs on Node 20.
    expect(pkg.peerDependencies[PRISM_PACKAGE]).toBe(`~${PRISM_VERSION}`);
  });

  it.each([false, true])(
    "rejects naming the taken port and what to do, with portInUse set (stateful: %s)",
    async (stateful) => {
      const port = await takenPort();
      const error = await startMockServer({ port, stateful }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MockServerError);
      expect((error as MockServerError).message).toBe(
        `port ${port} on 127.0.0.1 is already in use; pass another port (0 picks a free one)`,
      );
      expect((error as MockServerError).portInUse).toBe(port);
    },
  );

  it("rejects a port out of range before starting anything", async () => {
    await expect(startMockServer({ port: 70000 })).rejects.toThrow(/port must be an integer/);
  });

  it("stop() resolves after Prism has exited and freed the port", async () => {
    const mock = await startMockServer();
    const port = Number(new URL(mock.url).port);
    expect((await fetch(`${mock.url}/v1/classes`, { headers: { "x-api-key": "k" } })).status).toBe(200);
    await mock.stop();
    await expect(claimPort(port, "127.0.0.1")).resolves.toBe(port);
    await mock.stop(); // a second stop is harmless
  });

  it("no Prism outlives a caller that is killed with SIGKILL", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cba-orphan-"));
    temps.push(dir);
    const script = path.join(dir, "caller.mts");
    writeFileSync(
      script,
      `import { startMockServer } from ${JSON.stringify(path.join(repoRoot, "src", "mock", "index.ts"))};\n` +
        "const mock = await startMockServer();\nconsole.log('URL ' + mock.url);\nsetInterval(() => {}, 1000);\n",
    );
    const caller = runTs(script);
    children.push(caller);
    const url = (await waitForLine(caller, /URL \S+/)).slice(4);
    expect((await fetch(`${url}/v1/classes`, { headers: { "x-api-key": "k" } })).status).toBe(200);
    caller.kill("SIGKILL");
    expect(await goesDown(url)).toBe(true);
  });
});

describe("class-booking-mock CLI", () => {
  it("--help prints the usage", () => {
    const res = runTsSync(cli, ["--help"]);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(
      /^Usage: class-booking-mock \[--port 4010\] \[--host 127\.0\.0\.1\] \[--dynamic\] \[--errors\]/,
    );
  });

  it("an unknown flag exits 2 with the usage", () => {
    const res = runTsSync(cli, ["--prot", "1"]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("Usage:");
  });

  it("a taken port exits 1 with one clear line", async () => {
    const port = await takenPort();
    const child = runTs(cli, ["--port", String(port)]);
    children.push(child);
    let stderr = "";
    child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(stderr.trim()).toBe(
      `class-booking-mock: port ${port} on 127.0.0.1 is already in use; choose another with --port <n> (0 picks a free one)`,
    );
  });

  it("without Prism it exits 1 saying how to install it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cba-noprism-"));
    temps.push(dir);
    // The CLI and what it imports, in a folder where no Prism can be found.
    for (const part of ["src", "generated"])
      cpSync(path.join(repoRoot, part), path.join(dir, part), { recursive: true });
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }');
    const res = runTsSync(path.join(dir, "src", "cli", "class-booking-mock.ts"), [], dir);
    expect(res.status).toBe(1);
    expect(res.stderr.trim()).toBe(
      "class-booking-mock: Prism (@stoplight/prism-cli) is not installed. Install it with: npm install --save-dev @stoplight/prism-cli@5.14.2",
    );
  });

  it.each<[string[], RegExp]>([
    [["--now", "2026-12-01T08:00:00Z"], /^class-booking-mock: --now goes with --stateful$/],
    [
      ["--stateful", "--now", "tomorrow"],
      /^class-booking-mock: --now must be an ISO 8601 date-time with an offset, such as 2026-12-01T08:00:00Z, got "tomorrow"$/,
    ],
    [
      ["--stateful", "--now", "2026-12-01T08:00:00"],
      /^class-booking-mock: --now must be an ISO 8601 date-time with an offset/,
    ],
    [
      ["--stateful", "--now", "1969-07-20T20:17:00Z"],
      /^class-booking-mock: --now must be from 1970-01-02T00:00:00\.000Z to 9999-12-01T00:00:00\.000Z, got "1969-07-20T20:17:00Z"$/,
    ],
    [["--stateful", "--clock", "slow"], /^class-booking-mock: --clock must be fixed or real, got "slow"$/],
    [["--stateful", "--seed", "1.5"], /^class-booking-mock: --seed must be a whole number, got "1\.5"$/],
  ])("refuses %j with exit code 2 and one line naming the flag", (args, message) => {
    const res = runTsSync(cli, args);
    expect(res.status).toBe(2);
    expect(res.stderr.trim()).toMatch(message);
  });

  it("--stateful --now --clock fixed: the clock stands there, and the control API moves it", async () => {
    const child = runTs(cli, [
      "--stateful",
      "--port",
      "0",
      "--now",
      "2026-12-01T10:00:00+01:00",
      "--clock",
      "fixed",
    ]);
    children.push(child);
    const line = await waitForLine(child, /listening on http:\/\/127\.0\.0\.1:\d+/);
    const url = line.slice(line.indexOf("http"));
    const clock = async () =>
      (await (await fetch(`${url}/_sandbox/clock`)).json()) as { now: string; clock: string };
    expect(await clock()).toEqual({ now: "2026-12-01T09:00:00.000Z", clock: "fixed" });
    // The example slot ended at 10:00 local: a booking of it is refused (after its latest booking time).
    const book = await fetch(`${url}/v1/classes/booking/book`, {
      method: "POST",
      headers: { "x-api-key": "k", "content-type": "application/json" },
      body: JSON.stringify({ customerId: 203, classSlotId: 20334 }),
    });
    expect([book.status, ((await book.json()) as { errorCode: string }).errorCode]).toEqual([
      400,
      "DATE_TIME_AFTER_LATEST_BOOKING_DATE_TIME",
    ]);
    await fetch(`${url}/_sandbox/clock`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ now: "2026-11-25T08:00:00Z" }),
    });
    expect((await clock()).now).toBe("2026-11-25T08:00:00.000Z");
  });

  it("--clock real: the clock runs on from --now", async () => {
    const child = runTs(cli, [
      "--stateful",
      "--port",
      "0",
      "--now",
      "2026-12-01T08:00:00Z",
      "--clock",
      "real",
    ]);
    children.push(child);
    const line = await waitForLine(child, /listening on http:\/\/127\.0\.0\.1:\d+/);
    const url = line.slice(line.indexOf("http"));
    const read = async () =>
      Date.parse(((await (await fetch(`${url}/_sandbox/clock`)).json()) as { now: string }).now);
    const first = await read();
    expect(first).toBeGreaterThanOrEqual(Date.parse("2026-12-01T08:00:00Z"));
    let later = first;
    for (let i = 0; i < 100 && later === first; i++) {
      await new Promise((r) => setTimeout(r, 20));
      later = await read();
    }
    expect(later).toBeGreaterThan(first);
  });

  it.each(["SIGINT", "SIGTERM"] as const)(
    "prints the URL, serves the examples, and exits 0 on %s",
    async (signal) => {
      const port = await claimPort(0, "127.0.0.1");
      const child = runTs(cli, ["--port", String(port)]);
      children.push(child);
      const line = await waitForLine(child, /listening on http:\/\/127\.0\.0\.1:\d+/);
      const url = line.slice(line.indexOf("http"));
      expect(url).toBe(`http://127.0.0.1:${port}`);
      const res = await fetch(`${url}/v1/classes/14928`, { headers: { "x-api-key": "k" } });
      expect(await res.json()).toMatchObject({ id: 14928, title: "Morning Yoga" });
      const exited = exitOf(child);
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(await goesDown(url)).toBe(true);
      expect(await leftovers(`--port ${port}`)).toEqual([]); // Prism went with it
    },
  );
});
