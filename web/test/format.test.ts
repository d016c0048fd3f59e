import { describe, expect, it } from "vitest";
import { formatBucket, formatChange, formatDate, formatPeriod, formatTick, formatValue, formatXof, isCountUnit } from "../src/i18n/format";

const NBSP = "\u00A0";

describe("numbers and dates for the reader's language", () => {
  it("write money as 1 234 567 FCFA in both languages, with no-break spaces", () => {
    expect(formatXof(1_234_567, "fr")).toBe(`1${NBSP}234${NBSP}567${NBSP}FCFA`);
    expect(formatXof(1_234_567.4, "en")).toBe(`1,234,567${NBSP}FCFA`);
  });

  it("give every value its unit and the precision a reader needs; a gap is a dash", () => {
    expect(formatValue(66.5, "TONNES", "fr")).toBe(`66,5${NBSP}t`);
    expect(formatValue(66.5, "TONNES", "en")).toBe(`66.5${NBSP}t`);
    expect(formatValue(159.4, "HOURS", "fr")).toBe(`159,4${NBSP}h`);
    expect(formatValue(5, "TEU", "fr")).toBe(`5${NBSP}EVP`);
    expect(formatValue(5, "TEU", "en")).toBe(`5${NBSP}TEU`);
    expect(formatValue(2.5, "TEU", "en")).toBe(`2.5${NBSP}TEU`);
    expect(formatValue(1.831884, "RATIO", "fr")).toBe("1,83");
    expect(formatValue(4_477_750, "XOF", "fr")).toBe(`4${NBSP}477${NBSP}750${NBSP}FCFA`);
    expect(formatValue(12_500, "TONNES", "fr")).toBe(`12${NBSP}500${NBSP}t`);
    expect(formatValue(null, "TONNES", "fr")).toBe("—");
  });

  it("say one truck, and keep axis ticks short", () => {
    expect(formatValue(1, "TRUCKS", "fr")).toBe(`1${NBSP}camion`);
    expect(formatValue(1, "TRUCKS", "en")).toBe(`1${NBSP}truck`);
    expect(formatValue(5, "TRUCKS", "en")).toBe(`5${NBSP}trucks`);
    expect(formatTick(4_500_000, "XOF", "fr")).toBe(`4,5${NBSP}M`);
    expect(formatTick(12_000_000, "XOF", "en")).toBe(`12${NBSP}M`);
    expect(formatTick(45_000, "TONNES", "fr")).toBe(`45${NBSP}k`);
    expect(formatTick(159.4, "HOURS", "fr")).toBe("159,4");
    expect(isCountUnit("TRUCKS")).toBe(true);
    expect(isCountUnit("HOURS")).toBe(false);
  });

  it("sign changes, with a dash when there is nothing to compare", () => {
    expect(formatChange(0.1234, "fr")).toBe(`+12,3${NBSP}%`);
    expect(formatChange(-0.05, "en")).toBe(`−5.0${NBSP}%`);
    expect(formatChange(0, "en")).toBe(`±0.0${NBSP}%`);
    expect(formatChange(-0.0004, "fr")).toBe(`±0,0${NBSP}%`);
    expect(formatChange(0.00049, "en")).toBe(`±0.0${NBSP}%`);
    expect(formatChange(-0.0005, "en")).toBe(`−0.1${NBSP}%`);
    expect(formatChange(null, "fr")).toBe("—");
  });

  it("write dates, periods and time buckets as each language does", () => {
    expect(formatDate("2025-03-12T10:00:00Z", "fr")).toBe("12 mars 2025");
    expect(formatDate("2025-03-12T10:00:00Z", "en")).toBe("12 March 2025");
    expect(formatPeriod("2024-10-01", "2024-11-01", "fr")).toBe("1 oct. 2024 – 31 oct. 2024");
    expect(formatPeriod("2024-10-01", "2024-11-01", "en")).toBe("1 Oct 2024 – 31 Oct 2024");
    expect(formatBucket("2024-10-01", "MONTH", "fr")).toBe("oct. 2024");
    expect(formatBucket("2024-10-01", "QUARTER", "fr")).toBe("T4 2024");
    expect(formatBucket("2024-10-01", "QUARTER", "en")).toBe("Q4 2024");
    expect(formatBucket("2024-10-07", "WEEK", "fr")).toBe("sem. du 7 oct.");
  });
});
