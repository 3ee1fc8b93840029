/** parseZonedDateTime: the API's date-times, with or without a bracketed zone id. */
import { describe, expect, it } from "vitest";
import { ClassBookingError, parseZonedDateTime } from "../../src/client/index.js";

describe("parseZonedDateTime", () => {
  it.each<[string, string, string, string | undefined]>([
    ["2026-12-01T09:00:00.000+01:00[Europe/Berlin]", "2026-12-01T08:00:00.000Z", "+01:00", "Europe/Berlin"],
    ["2026-12-01T09:00:00.000+01:00", "2026-12-01T08:00:00.000Z", "+01:00", undefined],
    ["2026-12-01T09:00:00Z", "2026-12-01T09:00:00.000Z", "Z", undefined],
    ["2026-12-01t09:00:00z", "2026-12-01T09:00:00.000Z", "Z", undefined],
    ["2026-06-22T08:00:00.000+02:00[Europe/Berlin]", "2026-06-22T06:00:00.000Z", "+02:00", "Europe/Berlin"],
    ["2026-12-01T09:00:00.123456789-05:30", "2026-12-01T14:30:00.123Z", "-05:30", undefined],
    [
      "2026-12-01T09:00:00+00:00[America/Argentina/Buenos_Aires]",
      "2026-12-01T09:00:00.000Z",
      "+00:00",
      "America/Argentina/Buenos_Aires",
    ],
    ["2026-12-01T09:00:00+01:00[!Europe/Berlin]", "2026-12-01T08:00:00.000Z", "+01:00", "Europe/Berlin"],
    ["2024-02-29T12:00:00Z", "2024-02-29T12:00:00.000Z", "Z", undefined],
    ["2016-12-31T23:59:60Z", "2016-12-31T23:59:59.000Z", "Z", undefined],
    ["0099-01-01T00:00:00Z", "0099-01-01T00:00:00.000Z", "Z", undefined],
  ])("%s", (text, iso, offset, timeZone) => {
    const read = parseZonedDateTime(text);
    expect(read.instant.toISOString()).toBe(iso);
    expect(read.offset).toBe(offset);
    expect(read.timeZone).toBe(timeZone);
  });

  it("reads what new Date() cannot", () => {
    expect(Number.isNaN(new Date("2026-12-01T09:00:00.000+01:00[Europe/Berlin]").getTime())).toBe(true);
    expect(parseZonedDateTime("2026-12-01T09:00:00.000+01:00[Europe/Berlin]").instant.getTime()).toBe(
      Date.UTC(2026, 11, 1, 8),
    );
  });

  it.each([
    "2026-12-01",
    "2026-12-01T09:00:00",
    "2026-12-01 09:00:00Z",
    "2026-02-30T09:00:00Z",
    "2025-02-29T09:00:00Z",
    "2026-12-01T24:00:00Z",
    "2026-12-01T09:60:00Z",
    "2026-12-01T09:00:00+25:00",
    "2026-12-01T09:00:00+01:00[]",
    "2026-12-01T09:00:00+01:00[Europe/Berlin",
    "2026-12-01T09:00:00+01:00[Europe Berlin]",
    "2026-12-01T09:00:00+0100",
    "",
    "June 2090",
  ])("refuses %j with a ClassBookingError", (text) => {
    expect(() => parseZonedDateTime(text)).toThrow(ClassBookingError);
    expect(() => parseZonedDateTime(text)).toThrow(/^parseZonedDateTime: not an RFC 3339 date-time/);
  });

  it("refuses what is not text", () => {
    expect(() => parseZonedDateTime(12 as unknown as string)).toThrow(ClassBookingError);
  });
});
