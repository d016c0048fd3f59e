import { describe, expect, it } from "vitest";
import { cronOf, latestDue, localDate, nextRuns, periodContaining, reportPeriod, ScheduleError } from "../../src/reports/schedule-rules.js";

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

describe("schedule rules", () => {
  it("runs on the first working day of a month that starts on a Saturday or a Sunday", () => {
    const cron = cronOf({ rule: "monthly_first_working_day", weekday: null, atTime: "07:00", cron: null, timeZone: "Africa/Lome" });
    expect(cron).toBe("0 7 1W * *");
    // 1 February 2025 is a Saturday → Monday 3rd; 1 June 2025 a Sunday → Monday 2nd; 1 October 2024 a Tuesday.
    const runs = nextRuns(cron, "Africa/Lome", new Date("2025-01-15T00:00:00Z"), 6).map(iso);
    expect(runs).toEqual(["2025-02-03T07:00:00.000Z", "2025-03-03T07:00:00.000Z", "2025-04-01T07:00:00.000Z", "2025-05-01T07:00:00.000Z", "2025-06-02T07:00:00.000Z", "2025-07-01T07:00:00.000Z"]);
    expect(iso(nextRuns(cron, "Africa/Lome", new Date("2024-09-20T00:00:00Z"), 1)[0])).toBe("2024-10-01T07:00:00.000Z");
  });

  it("reads the time in the schedule's zone, across zones and daylight saving", () => {
    const weekly = (timeZone: string) => cronOf({ rule: "weekly", weekday: 1, atTime: "07:00", cron: null, timeZone });
    expect(iso(nextRuns(weekly("Africa/Lome"), "Africa/Lome", new Date("2024-10-16T00:00:00Z"), 1)[0])).toBe("2024-10-21T07:00:00.000Z");
    expect(iso(nextRuns(weekly("Africa/Niamey"), "Africa/Niamey", new Date("2024-10-16T00:00:00Z"), 1)[0])).toBe("2024-10-21T06:00:00.000Z");
    // Paris leaves summer time on 27 October 2024: 07:00 is 05:00Z before, 06:00Z after.
    const paris = nextRuns(weekly("Europe/Paris"), "Europe/Paris", new Date("2024-10-16T00:00:00Z"), 2).map(iso);
    expect(paris).toEqual(["2024-10-21T05:00:00.000Z", "2024-10-28T06:00:00.000Z"]);
    // Sunday is 7 (ISO), written 0 in cron.
    expect(cronOf({ rule: "weekly", weekday: 7, atTime: "18:30", cron: null, timeZone: "UTC" })).toBe("30 18 * * 0");
  });

  it("derives the report period from the run's local date, at month and year ends", () => {
    expect(reportPeriod("monthly_corridor", new Date("2025-02-03T07:00:00Z"), "Africa/Lome")).toEqual({ from: "2025-01-01", to: "2025-02-01" });
    expect(reportPeriod("monthly_corridor", new Date("2025-01-02T07:00:00Z"), "Africa/Lome")).toEqual({ from: "2024-12-01", to: "2025-01-01" });
    expect(reportPeriod("monthly_corridor", new Date("2024-03-01T07:00:00Z"), "Africa/Lome")).toEqual({ from: "2024-02-01", to: "2024-03-01" });
    // 23:30 UTC on 31 October is already 1 November in Niamey (UTC+1): the period is October there, September in Lomé.
    const instant = new Date("2024-10-31T23:30:00Z");
    expect(localDate(instant, "Africa/Niamey")).toBe("2024-11-01");
    expect(reportPeriod("monthly_corridor", instant, "Africa/Niamey")).toEqual({ from: "2024-10-01", to: "2024-11-01" });
    expect(reportPeriod("monthly_corridor", instant, "Africa/Lome")).toEqual({ from: "2024-09-01", to: "2024-10-01" });
    // The last complete ISO week, Monday to Monday, also across a year end.
    expect(reportPeriod("weekly_operations", new Date("2024-10-21T07:00:00Z"), "Africa/Lome")).toEqual({ from: "2024-10-14", to: "2024-10-21" });
    expect(reportPeriod("weekly_operations", new Date("2025-01-01T07:00:00Z"), "Africa/Lome")).toEqual({ from: "2024-12-23", to: "2024-12-30" });
    expect(periodContaining("weekly_operations", "2024-10-16")).toEqual({ from: "2024-10-14", to: "2024-10-21" });
    expect(periodContaining("monthly_corridor", "2024-02-29")).toEqual({ from: "2024-02-01", to: "2024-03-01" });
  });

  it("catches up only the latest run missed, and nothing before the schedule was active", () => {
    const cron = "0 7 * * 1";
    const now = new Date("2024-11-06T12:00:00Z"); // a Wednesday; Mondays 21 Oct, 28 Oct and 4 Nov were missed
    expect(iso(latestDue(cron, "Africa/Lome", now, new Date("2024-10-01T00:00:00Z")))).toBe("2024-11-04T07:00:00.000Z");
    expect(latestDue(cron, "Africa/Lome", now, new Date("2024-11-05T00:00:00Z"))).toBeNull();
    expect(iso(latestDue(cron, "Africa/Lome", new Date("2024-11-04T07:00:00Z"), new Date("2024-10-01T00:00:00Z")))).toBe("2024-11-04T07:00:00.000Z");
  });

  it("refuses a timing it cannot follow, saying why in French and English", () => {
    expect(() => cronOf({ rule: "cron", weekday: null, atTime: null, cron: "*/5 * * * *", timeZone: "Africa/Lome" })).toThrow(/une exécution par heure.*one run an hour/u);
    expect(() => cronOf({ rule: "cron", weekday: null, atTime: null, cron: "0 7 * *", timeZone: "Africa/Lome" })).toThrow(ScheduleError);
    expect(() => cronOf({ rule: "cron", weekday: null, atTime: null, cron: "0 7 32 * *", timeZone: "Africa/Lome" })).toThrow(ScheduleError);
    expect(() => cronOf({ rule: "weekly", weekday: 8, atTime: "07:00", cron: null, timeZone: "Africa/Lome" })).toThrow(/1 \(Monday\) to 7/u);
    expect(() => cronOf({ rule: "weekly", weekday: 1, atTime: "7h", cron: null, timeZone: "Africa/Lome" })).toThrow(/HH:MM/u);
    expect(() => cronOf({ rule: "weekly", weekday: 1, atTime: "07:00", cron: null, timeZone: "Mars/Olympus" })).toThrow(/unknown time zone/u);
    expect(cronOf({ rule: "cron", weekday: null, atTime: null, cron: "30 6  1 * *", timeZone: "Africa/Lome" })).toBe("30 6 1 * *");
  });
});
