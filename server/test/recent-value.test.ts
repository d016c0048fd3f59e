import { afterEach, describe, expect, it, vi } from "vitest";
import { RecentValue } from "../src/metrics/recent-value.js";

describe("RecentValue (labels and freshness kept between answers)", () => {
  afterEach(() => vi.useRealTimers());

  it("shares one read among readers, reads again once older than its limit or forgotten", async () => {
    vi.useFakeTimers();
    let reads = 0;
    const value = new RecentValue(async () => ++reads, 10_000);
    expect(await Promise.all([value.get(), value.get(), value.get()])).toEqual([1, 1, 1]);
    vi.advanceTimersByTime(9_999);
    expect(await value.get()).toBe(1);
    vi.advanceTimersByTime(2);
    expect(await value.get()).toBe(2);
    value.forget();
    expect(await value.get()).toBe(3);
    expect(reads).toBe(3);
  });

  it("does not keep a failed read: the next reader tries again", async () => {
    let fail = true;
    const value = new RecentValue(async () => {
      if (fail) throw new Error("engine unavailable");
      return "ok";
    }, 60_000);
    await expect(value.get()).rejects.toThrow("engine unavailable");
    fail = false;
    expect(await value.get()).toBe("ok");
  });
});
