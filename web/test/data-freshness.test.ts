import { describe, expect, it } from "vitest";
import { feedsToWarn, freshnessOf, STALE_AFTER_DAYS } from "../src/features/data/freshness";

const now = new Date("2024-10-20T12:00:00Z");

describe("freshnessOf", () => {
  it("says never for a feed without events, and for an unreadable date", () => {
    expect(freshnessOf(null, now)).toEqual({ state: "never", ageDays: null });
    expect(freshnessOf("not a date", now)).toEqual({ state: "never", ageDays: null });
  });

  it("counts whole days and flags a feed older than the threshold (7 days by default)", () => {
    expect(STALE_AFTER_DAYS).toBe(7);
    expect(freshnessOf("2024-10-20T11:00:00Z", now)).toEqual({ state: "fresh", ageDays: 0 });
    expect(freshnessOf("2024-10-13T12:00:00Z", now)).toEqual({ state: "fresh", ageDays: 7 });
    expect(freshnessOf("2024-10-13T11:59:59Z", now)).toEqual({ state: "stale", ageDays: 7 });
    expect(freshnessOf("2024-10-01T00:00:00Z", now)).toEqual({ state: "stale", ageDays: 19 });
  });

  it("takes another threshold, and treats a future event (clock skew) as fresh, age 0", () => {
    expect(freshnessOf("2024-10-18T12:00:00Z", now, 1).state).toBe("stale");
    expect(freshnessOf("2024-10-21T00:00:00Z", now)).toEqual({ state: "fresh", ageDays: 0 });
  });
});

describe("feedsToWarn", () => {
  it("lists old and never-loaded feeds in their order, leaving fresh ones out", () => {
    const feeds = [
      { feed: "A", dataAsOf: "2024-10-19T00:00:00Z" },
      { feed: "B", dataAsOf: "2024-09-01T00:00:00Z" },
      { feed: "C", dataAsOf: null },
      { feed: "D", dataAsOf: "2024-10-02T00:00:00Z" },
    ];
    const warn = feedsToWarn(feeds, now);
    expect(warn.stale.map((f) => f.feed)).toEqual(["B", "D"]);
    expect(warn.never.map((f) => f.feed)).toEqual(["C"]);
  });
});
