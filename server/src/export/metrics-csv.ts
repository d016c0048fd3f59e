import { Readable } from "node:stream";
import type { LabelledAnswer } from "../metrics/metrics-service.js";
import type { MetricRequest } from "../metrics/query/plan.js";
import { DIMENSIONS } from "../metrics/registry/dimensions.js";
import { UNIT_TEXT } from "../metrics/registry/units.js";
import { BOM, csvLine, csvNumber, DIALECTS } from "./csv-text.js";

export type CsvLanguage = keyof typeof DIALECTS;

const TEXT = {
  fr: { bucket: "Période (début)", name: "nom", previous: "période précédente", previousChange: "évolution / période précédente", yearAgo: "un an plus tôt", yearAgoChange: "évolution sur un an" },
  en: { bucket: "Bucket (start)", name: "name", previous: "previous period", previousChange: "change / previous period", yearAgo: "a year earlier", yearAgoChange: "change over a year" },
} as const;

/** Short header of a dimension: the registry description up to its first colon or bracket. */
const dimensionTitle = (id: keyof typeof DIMENSIONS, language: CsvLanguage) => DIMENSIONS[id][language].split(/[:(,]/u)[0]?.trim() ?? id;

/**
 * The rows of a general query as CSV, one line at a time: a header naming
 * each column in the chosen language, then, per row, the bucket, each
 * dimension's code and name, and each statistic (with its comparisons when
 * the query compares). Numbers are plain (no grouping) so a spreadsheet sums them.
 */
export function* metricsCsvLines(request: MetricRequest, answer: LabelledAnswer, language: CsvLanguage): Generator<string> {
  const dialect = DIALECTS[language];
  const t = TEXT[language];
  const header: string[] = [];
  if (request.grain !== "NONE") header.push(t.bucket);
  for (const d of request.dimensions) header.push(dimensionTitle(d, language), `${dimensionTitle(d, language)} (${t.name})`);
  const first = answer.rows[0];
  // Measure and statistic keep their API names (stable for scripts); the unit is in the reader's language.
  const cellTitles = (first?.cells ?? []).map((c) => `${c.measure} ${c.statistic} (${UNIT_TEXT[c.unit][language]})`);
  for (const title of cellTitles) {
    header.push(title);
    if (request.compare) header.push(`${title} ${t.previous}`, `${title} ${t.previousChange}`, `${title} ${t.yearAgo}`, `${title} ${t.yearAgoChange}`);
  }
  yield BOM + csvLine(header, dialect);
  for (const row of answer.rows) {
    const fields: string[] = [];
    if (request.grain !== "NONE") fields.push(row.bucket ?? "");
    for (const d of row.dimensions) {
      const label = answer.labels.get(d.dimension)?.get(d.value);
      fields.push(d.value, label?.[language] ?? "");
    }
    for (const c of row.cells) {
      fields.push(csvNumber(c.value, dialect));
      if (request.compare) fields.push(csvNumber(c.previous, dialect), csvNumber(c.previousChange, dialect), csvNumber(c.yearAgo, dialect), csvNumber(c.yearAgoChange, dialect));
    }
    yield csvLine(fields, dialect);
  }
}

/** A readable stream of the CSV, so a large answer is written as the socket takes it. */
export function metricsCsvStream(request: MetricRequest, answer: LabelledAnswer, language: CsvLanguage): Readable {
  return Readable.from(metricsCsvLines(request, answer, language), { objectMode: false });
}

/** File name for Content-Disposition: the measures and the period, ASCII only. */
export function csvFileName(request: MetricRequest): string {
  const measures = request.measures.map((m) => m.measure.toLowerCase()).join("-").slice(0, 80);
  return `corridor_${measures}_${request.period.from}_${request.period.to}.csv`.replace(/[^A-Za-z0-9_.-]/gu, "_");
}
