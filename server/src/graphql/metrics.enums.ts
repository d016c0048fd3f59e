import { registerEnumType } from "type-graphql";
import { GRAINS, type Grain } from "../metrics/query/period.js";
import { DIMENSION_IDS, DIMENSIONS, type DimensionId } from "../metrics/registry/dimensions.js";
import { UNIT_TEXT } from "../metrics/registry/units.js";
import { MEASURE_IDS, MEASURES, STATISTICS, type MeasureId, type Statistic, type Unit } from "../metrics/registry/measures.js";

// The enums of the semantic layer are generated from its registry: adding a
// measure or a dimension there adds it to the schema, its descriptions and docs/api.md.

const identity = <T extends string>(ids: readonly T[]) => Object.fromEntries(ids.map((id) => [id, id])) as { [K in T]: K };

export const MeasureEnum = identity(MEASURE_IDS);
registerEnumType(MeasureEnum, {
  name: "Measure",
  description: "Mesures du registre sémantique (voir `measures`). / Measures of the semantic registry (see `measures`).",
  valuesConfig: Object.fromEntries(
    MEASURE_IDS.map((id) => {
      const m = MEASURES[id];
      return [id, { description: `${m.fr} (${UNIT_TEXT[m.unit].fr}, daté à : ${m.datedFr}). / ${m.en} (${UNIT_TEXT[m.unit].en}, dated at: ${m.datedEn}).` }];
    }),
  ),
});

export const DimensionEnum = identity(DIMENSION_IDS);
registerEnumType(DimensionEnum, {
  name: "Dimension",
  description: "Dimensions de ventilation et de filtre (voir `dimensions`). / Dimensions to split and filter by (see `dimensions`).",
  valuesConfig: Object.fromEntries(DIMENSION_IDS.map((id) => [id, { description: `${DIMENSIONS[id].fr}. / ${DIMENSIONS[id].en}.` }])),
});

export const StatisticEnum = identity(STATISTICS);
const STATISTIC_TEXT: Readonly<Record<Statistic, string>> = {
  VALUE: "Valeur d'une mesure additive (somme). / Value of an additive measure (a sum).",
  COUNT: "Nombre d'observations d'une durée. / Number of observations of a duration.",
  MEAN: "Moyenne d'une durée, en heures. / Mean of a duration, in hours.",
  P50: "Médiane d'une durée (PERCENTILE.INC), en heures. / Median of a duration (PERCENTILE.INC), in hours.",
  P90: "90e centile d'une durée, en heures. / 90th percentile of a duration, in hours.",
  P95: "95e centile d'une durée, en heures. / 95th percentile of a duration, in hours.",
  RELIABILITY: "Indice de fiabilité p90 ÷ p50 (1 = parfaitement régulier). / Reliability index p90 ÷ p50 (1 = perfectly regular).",
};
registerEnumType(StatisticEnum, {
  name: "Statistic",
  description: "Statistique demandée d'une mesure. / Statistic asked of a measure.",
  valuesConfig: Object.fromEntries(STATISTICS.map((s) => [s, { description: STATISTIC_TEXT[s] }])),
});

export const TimeGrainEnum = identity(GRAINS);
const GRAIN_TEXT: Readonly<Record<Grain, string>> = {
  NONE: "Toute la période en une ligne. / The whole period in one row.",
  DAY: "Jour. / Day.",
  WEEK: "Semaine ISO (du lundi). / ISO week (from Monday).",
  MONTH: "Mois. / Month.",
  QUARTER: "Trimestre. / Quarter.",
  YEAR: "Année. / Year.",
};
registerEnumType(TimeGrainEnum, {
  name: "TimeGrain",
  description: "Découpage du temps, dans le fuseau de la requête. / Time bucketing, in the query's time zone.",
  valuesConfig: Object.fromEntries(GRAINS.map((g) => [g, { description: GRAIN_TEXT[g] }])),
});

const UNITS = Object.keys(UNIT_TEXT) as Unit[];
export const UnitEnum = Object.fromEntries(UNITS.map((u) => [u.toUpperCase(), u])) as { [K in Unit as Uppercase<K>]: K };
registerEnumType(UnitEnum, {
  name: "Unit",
  description: "Unité d'une valeur. / Unit of a value.",
  valuesConfig: Object.fromEntries(UNITS.map((u) => [u.toUpperCase(), { description: `${UNIT_TEXT[u].fr} / ${UNIT_TEXT[u].en}` }])),
});

export const MeasureKindEnum = { ADDITIVE: "additive", DURATION: "duration" } as const;
registerEnumType(MeasureKindEnum, {
  name: "MeasureKind",
  description: "Nature d'une mesure. / Kind of measure.",
  valuesConfig: {
    ADDITIVE: { description: "Somme (statistique VALUE). / A sum (statistic VALUE)." },
    DURATION: { description: "Durée en heures (COUNT, MEAN, P50, P90, P95, RELIABILITY). / A duration in hours (COUNT, MEAN, P50, P90, P95, RELIABILITY)." },
  },
});

export const SourcePathEnum = { ROLLUP: "rollup", DETAIL: "detail" } as const;
registerEnumType(SourcePathEnum, {
  name: "SourcePath",
  description: "Table qui a répondu. / Table that answered.",
  valuesConfig: {
    ROLLUP: { description: "Agrégat horaire (états d'agrégation). / Hourly rollup (aggregate states)." },
    DETAIL: { description: "Table détaillée des faits. / Detailed fact table." },
  },
});

export type { DimensionId, Grain, MeasureId, Statistic, Unit };
