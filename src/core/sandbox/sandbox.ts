/**
 * The sandbox: an in-memory studio that behaves like the API and checks its own answers against
 * the spec. One core that answers a request; `sandbox.fetch` hands it to the client with no server
 * at all, and the mock and msw entries put it behind node:http and Mock Service Worker. No `node:`
 * import: it runs in browsers too.
 */
import { examples } from "../../../generated/contract.js";
import { DAY_MS } from "../calendar.js";
import { ClassBookingError } from "../errors.js";
import { fromRequest, jsonAnswer, toResponse, type Answer, type Incoming } from "./answer.js";
import { Clock } from "./clock.js";
import { answerControl, type Controls } from "./control.js";
import { StudioData } from "./data.js";
import { Deliveries, type SandboxEvent } from "./deliveries.js";
import { countRequest } from "./lockout.js";
import { ALL_SCOPES, resolveOptions, type SandboxOptions, type Settings } from "./options.js";
import { seededStudio } from "./seed.js";
import { snapshotProblem, type SandboxSnapshot } from "./snapshot.js";
import { freeze, studioFromFixtures, type StudioState } from "./state.js";
import { answerRequest } from "./request.js";
import { Studio, type StudioEvent } from "./studio.js";
import { Studios } from "./studios.js";

/** One day after the latest opening of the example slots' booking windows: every example slot is bookable. */
function exampleStart(): number {
  const slots = Object.values(examples.getClassSlotById[200] ?? {});
  return Math.max(...slots.map((s) => Date.parse(s.earliestBookingDateTime ?? ""))) + DAY_MS;
}

export class Sandbox {
  private readonly settings: Settings;
  private readonly clock: Clock;
  private readonly studios: Studios;
  /** What the studios of fixtures start from (made once, shared). */
  private readonly fixtures: Readonly<StudioState> | undefined;
  private listeners = new Set<(event: SandboxEvent) => void>();
  private traces = 0;
  private events = 0;
  private readonly webhookCalls = new Deliveries();
  private readonly controls: Controls;
  /** Every webhook call made so far, in order. */
  readonly deliveries = this.webhookCalls.list;

  constructor(options: SandboxOptions = {}) {
    this.settings = resolveOptions(options);
    const { start, source, clock, fixtures, maxStudios } = this.settings;
    this.clock = new Clock(start ?? exampleStart(), clock, source);
    this.fixtures = fixtures && freeze(studioFromFixtures(fixtures));
    this.studios = new Studios(maxStudios, (hash) => this.makeStudio(this.fresh(), hash));
    this.controls = {
      clock: () => ({ now: this.clock.now(), clock: this.clock.mode }),
      setNow: (time) => this.setNow(time),
      advance: (ms) => this.advance(ms),
      reset: () => this.reset(),
      snapshot: () => this.snapshot(),
      restore: (snapshot) => this.restore(snapshot),
    };
  }

  /** The sandbox clock. */
  now(): Date {
    return new Date(this.clock.now());
  }

  /** Sets the clock to a time: a Date, an ISO 8601 date-time with an offset, or ms since 1970. */
  setNow(time: number | string | Date): void {
    this.clock.set(time);
  }

  /** Moves the clock on by whole milliseconds (or back, with a negative number). */
  advance(ms: number): void {
    this.clock.advance(ms);
  }

  /**
   * Answers one request in the sandbox's own form (for adapters such as the node:http one); never
   * rejects.
   */
  readonly respond = async (incoming: Incoming): Promise<Answer> => {
    try {
      return await answerRequest(incoming, {
        studioFor: async (key) =>
          this.settings.strictKeys && !Object.hasOwn(this.settings.keys, key)
            ? undefined
            : (await this.studios.entry(key)).studio,
        scopesOf: (key) =>
          (Object.hasOwn(this.settings.keys, key) ? this.settings.keys[key]?.scopes : undefined) ??
          ALL_SCOPES,
        countRequest: (key, operationId) => this.countRequest(key, operationId),
        traceId: () => String(7_000_000_000_000_000_000n + BigInt(++this.traces)),
        checkAnswers: this.settings.checkAnswers,
        control: (request, path, error) => answerControl(this.controls, request, path, error),
      });
    } catch (error) {
      const errorMessage = `The sandbox failed: ${(error as Error)?.message ?? error}`;
      return jsonAnswer(500, { errorMessage, errorCode: "SANDBOX_FAILED" });
    }
  };

  /** Answers one request, as the API would; never rejects. */
  readonly handle = async (request: Request): Promise<Response> =>
    toResponse(await this.respond(fromRequest(request)));

  /**
   * A fetch function that answers from the sandbox: give it to createClassBookingClient. Like
   * fetch, it rejects (never throws) for a request fetch cannot make.
   */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    this.handle(new Request(input, init));

  /** The studio of an API key (made on first use, seeded or from the fixtures). */
  async studio(apiKey: string): Promise<Studio> {
    if (typeof apiKey !== "string") throw new ClassBookingError("studio: the API key must be a string");
    return (await this.studios.entry(apiKey)).studio;
  }

  /** What a new studio starts from: the seeded studio, or the fixtures. */
  private fresh(seed = this.settings.seed): StudioData {
    if (this.fixtures) return new StudioData(this.fixtures, undefined);
    const seeded = seededStudio(seed, this.settings.timeZone);
    return new StudioData(seeded.state, seeded.schedule);
  }

  private makeStudio(data: StudioData, hash: string): Studio {
    const { timeZone, zoneIds } = this.settings;
    const emit = (event: StudioEvent) => this.emit(event, hash);
    return new Studio(data, () => ({ now: this.clock.now(), timeZone, zoneIds, emit }));
  }

  /** Counts a request for the rate limit; past it, the operation answers 429 to the key for the lockout. */
  private countRequest(key: string, operationId: string): number {
    const rule = this.settings.rateLimit;
    const entry = rule && this.studios.known(key);
    return entry ? countRequest(entry, operationId, rule, this.clock.lockoutTime()) : 0;
  }

  /** Hears every event the studios raise (bookings made, changed, canceled; slots changed, canceled). */
  onEvent(listener: (event: SandboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit({ type, entityId, content }: StudioEvent, studio: string): void {
    const n = ++this.events;
    const uuid = `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
    const event: SandboxEvent = {
      entityId,
      uuid,
      payload: [{ timestamp: this.clock.now(), type, ...(content && { content }) }],
    };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure is its own.
      }
    }
    this.webhookCalls.send(this.settings.webhooks, event, studio);
  }

  /** Resolves when every webhook call under way has ended (answered, failed or timed out). */
  settled(): Promise<void> {
    return this.webhookCalls.settled();
  }

  /** Back to the start: fresh studios, the clock where it began, no rate-limit history. */
  reset(): void {
    this.studios.clear();
    this.clock.reset();
    this.traces = 0;
  }

  /** Every studio and the clock, as plain JSON (keys appear only as hashes). */
  snapshot(): SandboxSnapshot {
    return {
      now: this.clock.now(),
      studios: Object.fromEntries(this.studios.all().map(([hash, studio]) => [hash, studio.state])),
    };
  }

  /** Puts the studios and the clock back to a snapshot (checked first; nothing changes when it is wrong). */
  restore(snapshot: SandboxSnapshot): void {
    const problem = snapshotProblem(snapshot);
    if (problem) throw new ClassBookingError(`restore: the snapshot ${problem}`);
    const copy = structuredClone(snapshot);
    this.studios.clear();
    for (const [hash, state] of Object.entries(copy.studios)) {
      const schedule =
        state.seed === undefined ? undefined : seededStudio(state.seed, this.settings.timeZone).schedule;
      this.studios.put(hash, this.makeStudio(new StudioData(freeze(state), schedule), hash));
    }
    this.clock.set(copy.now);
  }
}

/** Makes a sandbox; every option is checked (a wrong one throws a ClassBookingError naming it). */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  return new Sandbox(options);
}
