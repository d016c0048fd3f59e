import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, monthRange, parseMonth } from "../../src/generate/calendar.js";
import { loadCorridors, routeOf } from "../../src/generate/corridors.js";
import { PORT_DWELL_D, RELEASE_IM8_H } from "../../src/generate/durations.js";
import { generateDemoData, type GenerateSummary } from "../../src/generate/generate.js";
import { medianTransitHours } from "../../src/generate/journeys.js";
import { Random } from "../../src/generate/random.js";
import { aesCountryShares, type AesCountry } from "../../src/generate/volumes.js";
import { openEtlWarehouse, type EtlWarehouse } from "../support/etl-warehouse.js";

/**
 * June–September 2023 covers Niger's diversion to Lomé (August 2023) and the
 * rainy season; the scale gives a few hundred declarations and about a
 * thousand gate-outs, enough for medians within the bands below.
 */
const FROM = "2023-06";
const TO = "2023-09";
const CUTOFF_MS = Date.UTC(2023, 9, 1);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-generate-warehouse-"));
let summary: GenerateSummary;
let etl: EtlWarehouse;

beforeAll(async () => {
  summary = await generateDemoData({ from: FROM, to: TO, scale: 0.03, seed: 2023, outDir: dir });
  etl = await openEtlWarehouse();
});
afterAll(async () => {
  await etl.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function rows<T>(sql: string): Promise<T[]> {
  return etl.warehouse.query<T>({ sql, tag: "test:generate" });
}

async function count(sql: string): Promise<number> {
  const [row] = await rows<{ n: string }>(`SELECT toString(count()) AS n FROM (${sql})`);
  return Number(row?.n);
}

/** Import declarations whose containers go through the port's gates: IM8, and IM4 at Lomé. */
const PORT_IMPORTS = "SELECT * FROM customs_declarations FINAL WHERE cancelled = 0 AND (regime = 'IM8' OR (regime = 'IM4' AND office = 'TGLFW'))";

describe("a generated dataset loaded by the ETL", () => {
  it("loads every file, quarantining exactly the planted records", async () => {
    const loaded = await etl.load(summary.files.map((f) => f.path));
    expect(loaded.totals.failed).toBe(0);
    expect(loaded.totals.read).toBe(summary.files.reduce((a, f) => a + f.records, 0));
    const planted: Record<string, number> = {};
    for (const file of summary.files) for (const [reason, n] of Object.entries(file.planted)) planted[reason] = (planted[reason] ?? 0) + n;
    const quarantined = await rows<{ reason: string; n: string }>("SELECT toString(reason) AS reason, toString(count()) AS n FROM quarantine FINAL GROUP BY reason");
    expect(Object.fromEntries(quarantined.map((q) => [q.reason, Number(q.n)]))).toEqual(planted);
    expect(loaded.totals.quarantined).toBe(Object.values(planted).reduce((a, b) => a + b, 0));
  });

  it("tells one story across the feeds", async () => {
    const listed = `SELECT arrayJoin(\`containers.identity\`) AS c FROM (${PORT_IMPORTS})`;
    const events = (event: string) => `SELECT toString(container_no) FROM container_events FINAL WHERE event = '${event}'`;
    expect(await count(listed)).toBeGreaterThan(200);
    // Every box on an import declaration was discharged from a ship…
    expect(await count(`${listed} WHERE c NOT IN (${events("DISCHARGE")})`)).toBe(0);
    // …and left the port unless the period ended first (the longest dwell generated is 90 days).
    const dischargedEarly = `SELECT toString(container_no) FROM container_events FINAL WHERE event = 'DISCHARGE' AND event_at < toDateTime('${new Date(CUTOFF_MS - 91 * DAY_MS).toISOString().slice(0, 19).replace("T", " ")}', 'UTC')`;
    expect(await count(`${listed} WHERE c IN (${dischargedEarly})`)).toBeGreaterThan(20);
    expect(await count(`${listed} WHERE c IN (${dischargedEarly}) AND c NOT IN (${events("GATE_OUT")})`)).toBe(0);
    // Every import gate-out was discharged before and is on a declaration.
    const importGateOuts = "SELECT toString(container_no) AS c FROM container_events FINAL WHERE event = 'GATE_OUT' AND status = 3";
    expect(await count(`${importGateOuts} AND (c NOT IN (${events("DISCHARGE")}) OR c NOT IN (${listed}))`)).toBe(0);
    // Every ship's container report names a call of the port authority.
    expect(await count("SELECT DISTINCT vessel_imo, voyage FROM container_events FINAL WHERE message_type = 'COARRI' AND (vessel_imo, voyage) NOT IN (SELECT toString(imo), voyage FROM vessel_calls FINAL)")).toBe(0);
    // Every movement's declaration exists; a truck's boxes are on it; an IM8's trucks leave after its release.
    expect(await count("SELECT movement FROM transit_events FINAL")).toBeGreaterThan(200);
    expect(await count("SELECT movement FROM transit_events FINAL WHERE declaration NOT IN (SELECT declaration_id FROM customs_declarations FINAL)")).toBe(0);
    expect(
      await count(`SELECT t.declaration, t.c FROM (SELECT declaration, arrayJoin(containers) AS c FROM transit_events FINAL) AS t
        LEFT ANTI JOIN (SELECT declaration_id, arrayJoin(\`containers.identity\`) AS c FROM customs_declarations FINAL) AS d ON t.declaration = d.declaration_id AND t.c = d.c`),
    ).toBe(0);
    expect(
      await count(`SELECT t.movement FROM transit_events AS t FINAL INNER JOIN (SELECT declaration_id, released_at FROM customs_declarations FINAL WHERE regime = 'IM8') AS d ON t.declaration = d.declaration_id
        WHERE t.event = 'DEPARTED' AND (d.released_at IS NULL OR t.at < assumeNotNull(d.released_at))`),
    ).toBe(0);
    // An IM4 ending an IM8 names one that exists, and comes after it.
    expect(await count("SELECT declaration_id FROM customs_declarations FINAL WHERE regime = 'IM4' AND previous_document != ''")).toBeGreaterThan(5);
    expect(
      await count(`SELECT i.declaration_id FROM customs_declarations AS i FINAL LEFT JOIN (SELECT declaration_id, registered_at FROM customs_declarations FINAL WHERE regime = 'IM8') AS t ON i.previous_document = t.declaration_id
        WHERE i.regime = 'IM4' AND i.previous_document != '' AND (t.declaration_id = '' OR i.registered_at < t.registered_at)`),
    ).toBe(0);
    // Invoices point at declarations and calls that exist.
    expect(await count("SELECT invoice_no FROM port_invoices FINAL WHERE declaration != '' AND declaration NOT IN (SELECT declaration_id FROM customs_declarations FINAL)")).toBe(0);
    expect(await count("SELECT invoice_no FROM port_invoices FINAL WHERE call_id != '' AND call_id NOT IN (SELECT call_id FROM vessel_calls FINAL)")).toBe(0);
  });

  it("gives each AES country its calibrated share of declared tonnage, before and after Niger's diversion", async () => {
    const periods: [string, string][] = [
      ["2023-06", "2023-07"],
      ["2023-08", "2023-09"],
    ];
    for (const [from, to] of periods) {
      const tonnes = await rows<{ country: AesCountry; t: number }>(
        `SELECT country, toFloat64(sum(tonnes)) AS t FROM fact_declarations WHERE country IN ('BF', 'NE', 'ML') AND toYYYYMM(registered_at) BETWEEN ${from.replace("-", "")} AND ${to.replace("-", "")} GROUP BY country`,
      );
      const total = tonnes.reduce((a, r) => a + r.t, 0);
      const months = monthRange(parseMonth(from) ?? { year: 0, month: 1 }, parseMonth(to) ?? { year: 0, month: 1 });
      for (const country of ["BF", "NE", "ML"] as const) {
        const expected = months.reduce((a, m) => a + aesCountryShares(m)[country], 0) / months.length;
        const share = (tonnes.find((r) => r.country === country)?.t ?? 0) / total;
        expect(Math.abs(share - expected), `${country} ${from}..${to}: ${share.toFixed(3)} vs ${expected.toFixed(3)}`).toBeLessThan(0.03);
      }
    }
  });

  it("reproduces the calibrated medians of dwell, release and transit", async () => {
    // Boxes discharged in the first two months: their gate-outs are all in the period, so the tail is not cut.
    const [dwell] = await rows<{ n: string; p50: number }>(
      "SELECT toString(count()) AS n, quantileExactInclusive(0.5)(dwell_s / 86400) AS p50 FROM fact_port_dwell WHERE discharge_at < toDateTime('2023-08-01 00:00:00', 'UTC')",
    );
    expect(Number(dwell?.n)).toBeGreaterThan(300);
    expect(Math.abs((dwell?.p50 ?? 0) / PORT_DWELL_D.median - 1), `dwell median ${dwell?.p50} d`).toBeLessThan(0.15);

    const [release] = await rows<{ n: string; p50: number }>("SELECT toString(count()) AS n, quantileExactInclusive(0.5)(release_s / 3600) AS p50 FROM fact_releases WHERE regime = 'IM8'");
    expect(Number(release?.n)).toBeGreaterThan(200);
    expect(Math.abs((release?.p50 ?? 0) / RELEASE_IM8_H.median - 1), `IM8 release median ${release?.p50} h`).toBeLessThan(0.15);

    const corridors = loadCorridors();
    // Trucks that left by the end of August: those still on the road at the end of the period would cut the tail.
    const transits = await rows<{ route: string; office: string; n: string; p50: number; departures: number[] }>(
      `SELECT route, toString(completed_office) AS office, toString(count()) AS n, quantileExactInclusive(0.5)(transit_s / 3600) AS p50,
              groupArray(toUnixTimestamp(departed_at)) AS departures
       FROM fact_transits WHERE direction = 'import' AND departed_at < toDateTime('2023-09-01 00:00:00', 'UTC') GROUP BY route, office HAVING count() >= 25`,
    );
    expect(transits.map((t) => t.route)).toEqual(expect.arrayContaining(["TG-BF-OUA", "TG-NE-TER"]));
    for (const t of transits) {
      // The journeys the generator's distributions give for the same departures (rainy-season legs included), many draws each.
      const starts = t.departures.flatMap((s) => Array.from({ length: 20 }, () => Number(s) * 1000));
      const expected = medianTransitHours(corridors, routeOf(corridors, t.route), "import", t.office, starts, new Random(1, `expected/${t.route}`));
      expect(Math.abs(t.p50 / expected - 1), `${t.route} to ${t.office}: ${t.p50.toFixed(1)} h vs ${expected.toFixed(1)} h`).toBeLessThan(0.15);
    }
    // Niger's escorted convoys take days longer than the Ouagadougou run, as domain.md §3 has it (Ouaga → Niamey 4 d).
    const median = (route: string) => transits.find((t) => t.route === route)?.p50 ?? 0;
    expect(median("TG-NE-TER") - median("TG-BF-OUA")).toBeGreaterThan(72);
    expect(median("TG-BF-OUA")).toBeGreaterThan(48);
    expect(median("TG-BF-OUA")).toBeLessThan(5 * 24);
  });
});
