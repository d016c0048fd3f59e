import type { Warehouse } from "@corridor/warehouse";

/** The figures EXPECTED.md gives for the sample scenario, read from the derived tables (hours rounded to 0.01). */
export interface SampleFigures {
  shipWaiting: number[];
  shipTurnaround: number[];
  dwell: Record<string, { count: number; mean: number; p50: number; p90: number }>;
  volumes: Record<string, { declarations: number; tonnes: number; cif: number; teu: number }>;
  release: Record<string, { count: number; p50: number; p90: number }>;
  revenue: Record<string, number>;
  transit: Record<string, { count: number; p50: number; p90: number }>;
  crossings: Record<string, { count: number; p50: number; p90: number }>;
  charges: Record<string, number>;
  quarantine: { file: string; line: number; message: number; segment: number; reason: string }[];
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const hours = (values: number[]) => values.map((v) => r2(v));

export async function sampleFigures(warehouse: Warehouse): Promise<SampleFigures> {
  const q = <T>(sql: string) => warehouse.query<T>({ sql, tag: "test:figures" });
  const [ships] = await q<{ w: number[]; t: number[] }>(
    "SELECT quantilesExactInclusive(0.5, 0.9)(waiting_s / 3600) AS w, quantilesExactInclusive(0.5, 0.9)(turnaround_s / 3600) AS t FROM fact_ship_calls",
  );
  const dwell = await q<{ k: string; n: string; mean: number; q: number[] }>(
    "SELECT if(grouping(country) = 1, 'ALL', country) AS k, toString(count()) AS n, avg(dwell_s / 3600) AS mean, quantilesExactInclusive(0.5, 0.9)(dwell_s / 3600) AS q FROM fact_port_dwell GROUP BY country WITH ROLLUP",
  );
  const volumes = await q<{ country: string; n: string; t: string; cif: string; teu: string }>(
    "SELECT country, toString(count()) AS n, toString(sum(tonnes)) AS t, toString(sum(cif_xof)) AS cif, toString(sum(teu)) AS teu FROM fact_declarations GROUP BY country",
  );
  const release = await q<{ country: string; n: string; q: number[] }>("SELECT country, toString(count()) AS n, quantilesExactInclusive(0.5, 0.9)(release_s / 3600) AS q FROM fact_releases GROUP BY country");
  const revenue = await q<{ country: string; s: string }>("SELECT country, toString(sum(amount_xof)) AS s FROM fact_customs_revenue GROUP BY country");
  const transit = await q<{ route: string; n: string; q: number[] }>("SELECT route, toString(count()) AS n, quantilesExactInclusive(0.5, 0.9)(transit_s / 3600) AS q FROM fact_transits GROUP BY route");
  const crossings = await q<{ border: string; n: string; q: number[] }>("SELECT border, toString(count()) AS n, quantilesExactInclusive(0.5, 0.9)(crossing_s / 3600) AS q FROM fact_border_crossings GROUP BY border");
  const charges = await q<{ k: string; s: string }>("SELECT concat(if(country = '', '-', country), ' ', fee_code) AS k, toString(sum(amount_xof)) AS s FROM fact_port_charges GROUP BY k");
  const quarantine = await q<{ file: string; line: number; message: number; segment: number; reason: string }>(
    "SELECT file_name AS file, line, message, segment, toString(reason) AS reason FROM quarantine FINAL ORDER BY file_name, record_index",
  );
  return {
    shipWaiting: hours(ships?.w ?? []),
    shipTurnaround: hours(ships?.t ?? []),
    dwell: Object.fromEntries(dwell.map((d) => [d.k, { count: Number(d.n), mean: r2(d.mean), p50: r2(d.q[0] ?? NaN), p90: r2(d.q[1] ?? NaN) }])),
    volumes: Object.fromEntries(volumes.map((v) => [v.country, { declarations: Number(v.n), tonnes: Number(v.t), cif: Number(v.cif), teu: Number(v.teu) }])),
    release: Object.fromEntries(release.map((v) => [v.country, { count: Number(v.n), p50: r2(v.q[0] ?? NaN), p90: r2(v.q[1] ?? NaN) }])),
    revenue: Object.fromEntries(revenue.map((v) => [v.country, Number(v.s)])),
    transit: Object.fromEntries(transit.map((v) => [v.route, { count: Number(v.n), p50: r2(v.q[0] ?? NaN), p90: r2(v.q[1] ?? NaN) }])),
    crossings: Object.fromEntries(crossings.map((v) => [v.border, { count: Number(v.n), p50: r2(v.q[0] ?? NaN), p90: r2(v.q[1] ?? NaN) }])),
    charges: Object.fromEntries(charges.map((v) => [v.k, Number(v.s)])),
    quarantine,
  };
}

/** EXPECTED.md, figure by figure. */
export const EXPECTED_FIGURES: SampleFigures = {
  shipWaiting: [10.25, 11.65],
  shipTurnaround: [45, 45.8],
  dwell: {
    ALL: { count: 4, mean: 125.75, p50: 121.5, p90: 154.2 },
    BF: { count: 2, mean: 149, p50: 149, p90: 159.4 },
    NE: { count: 1, mean: 107, p50: 107, p90: 107 },
    ML: { count: 1, mean: 98, p50: 98, p90: 98 },
  },
  volumes: {
    BF: { declarations: 2, tonnes: 66.5, cif: 38_200_000, teu: 5 },
    NE: { declarations: 1, tonnes: 27, cif: 14_850_000, teu: 2 },
    ML: { declarations: 1, tonnes: 21, cif: 33_600_000, teu: 2 },
  },
  release: {
    BF: { count: 3, p50: 25, p90: 29 },
    NE: { count: 1, p50: 22, p90: 22 },
    ML: { count: 1, p50: 26, p90: 26 },
  },
  revenue: { BF: 4_477_750, TG: 148_500 },
  transit: {
    "TG-BF-OUA": { count: 3, p50: 67, p90: 68.6 },
    "TG-NE-KAN": { count: 1, p50: 97, p90: 97 },
    "TG-ML-HER": { count: 1, p50: 146, p90: 146 },
  },
  crossings: {
    "TGCIN>BFCIN": { count: 4, p50: 13.25, p90: 16.65 },
    "BFKAN>NEMAK": { count: 1, p50: 18, p90: 18 },
    "BFKOL>MLHER": { count: 1, p50: 14, p90: 14 },
    "BFCIN>TGCIN": { count: 1, p50: 11, p90: 11 },
  },
  charges: { "BF THC": 402_000, "BF PORT_DUES": 82_325, "NE PCJ_LEVY": 20_000, "ML THC": 178_000, "- PILOTAGE": 1_607_095 },
  quarantine: [
    { file: "20241010T0600_LCT_EDI.edi", line: 57, message: 3, segment: 56, reason: "BAD_CHECK_DIGIT" },
    { file: "20241016T0700_PAL_escales_A.csv", line: 4, message: 0, segment: 0, reason: "BAD_IMO" },
  ],
};
