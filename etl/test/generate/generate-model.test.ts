import { describe, expect, it } from "vitest";
import { validContainerNumber, validImo } from "../../src/core/check-digits.js";
import { HOUR_MS, monthRange } from "../../src/generate/calendar.js";
import { loadCorridors, officeOf, routeOf } from "../../src/generate/corridors.js";
import { Demand, tonnesOf } from "../../src/generate/demand.js";
import { PORT_DWELL_D, RELEASE_IM8_H } from "../../src/generate/durations.js";
import { wantedDwell } from "../../src/generate/dwell.js";
import { ContainerNumbers, imoNumber } from "../../src/generate/identifiers.js";
import { journey } from "../../src/generate/journeys.js";
import { Random, type LogNormal } from "../../src/generate/random.js";
import { transitLines } from "../../src/generate/tariffs.js";
import { aesCountryShares, aesTransitTonnesPerYear, EXPORT_SHARE_OF_TRANSIT } from "../../src/generate/volumes.js";

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))] as number;

describe("randomness", () => {
  it("draws lognormals with the median and P90 asked for", () => {
    const rng = new Random(3, "lognormal");
    const target: LogNormal = { median: 12, p90: 48 };
    const draws = Array.from({ length: 40_000 }, () => rng.lognormal(target));
    expect(quantile(draws, 0.5) / target.median).toBeCloseTo(1, 1);
    expect(quantile(draws, 0.9) / target.p90).toBeCloseTo(1, 1);
  });

  it("makes valid, distinct container and IMO numbers", () => {
    const numbers = new ContainerNumbers(new Random(3, "boxes"));
    const boxes = Array.from({ length: 50_000 }, () => numbers.next());
    expect(new Set(boxes).size).toBe(boxes.length);
    expect(boxes.every(validContainerNumber)).toBe(true);
    const rng = new Random(3, "imo");
    expect(Array.from({ length: 1000 }, () => imoNumber(rng)).every(validImo)).toBe(true);
  });
});

describe("calibration (domain.md)", () => {
  it("splits AES transit as §1.3 and §7 do, before and after Niger's diversion", () => {
    const before = aesCountryShares({ year: 2023, month: 6 });
    expect(before.NE).toBeGreaterThan(0.06);
    expect(before.NE).toBeLessThan(0.09);
    for (const month of [{ year: 2023, month: 9 }, { year: 2024, month: 6 }, { year: 2025, month: 6 }]) {
      const shares = aesCountryShares(month);
      expect(shares.BF).toBeGreaterThanOrEqual(0.7);
      expect(shares.BF).toBeLessThanOrEqual(0.78);
      expect(shares.NE).toBeGreaterThanOrEqual(0.12);
      expect(shares.NE).toBeLessThanOrEqual(0.18);
      expect(shares.ML).toBeGreaterThanOrEqual(0.04);
      expect(shares.ML).toBeLessThanOrEqual(0.06);
    }
  });

  it("cuts a year's demand into consignments that add up to the annual tonnage, 35–45 % of transit in containers", () => {
    const scale = 0.05;
    const demand = new Demand(scale, new Random(3, "demand"));
    const transit: Record<string, number> = {};
    let containerised = 0;
    let all = 0;
    for (const month of monthRange({ year: 2024, month: 1 }, { year: 2024, month: 12 })) {
      for (const spec of demand.imports(month)) {
        if (spec.flow !== "transit") continue;
        const t = tonnesOf(spec);
        transit[spec.country] = (transit[spec.country] ?? 0) + t;
        all += t;
        if (spec.mode === "container") containerised += t;
      }
    }
    for (const country of ["BF", "NE", "ML"] as const) {
      const expected = aesTransitTonnesPerYear(country, { year: 2024, month: 6 }) * (1 - EXPORT_SHARE_OF_TRANSIT) * scale;
      expect((transit[country] ?? 0) / expected, country).toBeCloseTo(1, 1);
    }
    expect(containerised / all).toBeGreaterThan(0.35);
    expect(containerised / all).toBeLessThan(0.45);
  });

  it("draws the wanted dwell so that the observed one (after customs release) has domain.md's median and P90", () => {
    const wanted = wantedDwell(PORT_DWELL_D, RELEASE_IM8_H);
    const rng = new Random(3, "dwell-check");
    const observed = Array.from({ length: 40_000 }, () => {
      const customs = (rng.lognormal({ median: 10, p90: 48 }) + rng.lognormal(RELEASE_IM8_H) + rng.lognormal({ median: 6, p90: 30 })) / 24;
      return Math.max(rng.lognormal(wanted), customs);
    });
    expect(quantile(observed, 0.5) / PORT_DWELL_D.median).toBeCloseTo(1, 1);
    expect(quantile(observed, 0.9) / PORT_DWELL_D.p90).toBeCloseTo(1, 1);
  });

  it("suspends an IM8's duties, guarantees 0.25 % of CIF per country crossed, and stops the statistical fee at Lomé in 2025", () => {
    const lines = transitLines(14_850_000, { cetBand: 10 }, Date.UTC(2024, 9, 3), 3);
    expect(lines.map((l) => [l.code, l.rate, l.amount, l.mp])).toEqual([
      ["DD", 10, 1_485_000, 0],
      ["RS", 1, 148_500, 1],
      ["PCS", 0.8, 118_800, 0],
      ["PC", 0.5, 74_250, 0],
      ["TVA", 18, 3_001_779, 0],
      ["GAR", 0.75, 111_375, 2],
    ]);
    expect(transitLines(14_850_000, { cetBand: 10, vatExempt: true }, Date.UTC(2025, 2, 1), 2).map((l) => [l.code, l.mp])).toEqual([
      ["DD", 0],
      ["RS", 0],
      ["PCS", 0],
      ["PC", 0],
      ["GAR", 2],
    ]);
  });
});

describe("journeys", () => {
  it("run a route's border offices in order, both ways, with time always moving on", () => {
    const corridors = loadCorridors();
    const rng = new Random(3, "journeys");
    const inbound = journey(corridors, routeOf(corridors, "TG-ML-HER"), "import", "MLBKO", Date.UTC(2024, 7, 1), rng);
    expect(inbound.map((s) => `${s.event}@${s.office}`)).toEqual([
      "DEPARTED@TGLFW", "ARRIVED@TGCIN", "RELEASED@TGCIN", "ARRIVED@BFCIN", "RELEASED@BFCIN",
      "ARRIVED@BFKOL", "RELEASED@BFKOL", "ARRIVED@MLHER", "RELEASED@MLHER", "COMPLETED@MLBKO",
    ]);
    const outbound = journey(corridors, routeOf(corridors, "TG-NE-TER"), "export", "NENIM", Date.UTC(2024, 1, 1), rng);
    expect(outbound.map((s) => s.office)).toEqual(["NENIM", "NETER", "NETER", "BFSEY", "BFSEY", "BFCIN", "BFCIN", "TGCIN", "TGCIN", "TGLFW"]);
    for (const stops of [inbound, outbound]) {
      for (let i = 1; i < stops.length; i++) expect((stops[i]?.at ?? 0) - (stops[i - 1]?.at ?? 0)).toBeGreaterThan(0);
      for (const stop of stops.slice(1, -1)) expect(officeOf(corridors, stop.office).kind).toBe("border");
    }
    expect(((inbound.at(-1)?.at ?? 0) - (inbound[0]?.at ?? 0)) / HOUR_MS).toBeGreaterThan(24);
  });
});
