import { DIMENSION_IDS, DIMENSIONS, type DimensionId } from "./dimensions.js";
import { FACTS } from "./facts.js";
import { MEASURE_IDS, MEASURES, STATISTICS, type MeasureId, type MeasureSource, type Statistic, type Unit } from "./measures.js";

export interface MeasureDescription {
  readonly name: MeasureId;
  readonly kind: "additive" | "duration";
  readonly unit: Unit;
  readonly descriptionFr: string;
  readonly descriptionEn: string;
  readonly datedAtFr: string;
  readonly datedAtEn: string;
  readonly statistics: Statistic[];
  /** Dimensions some source of the measure gives. */
  readonly dimensions: DimensionId[];
  /** Dimensions a rollup of the measure gives: queries within them are answered from aggregate states. */
  readonly rollupDimensions: DimensionId[];
}

const inOrder = (set: ReadonlySet<DimensionId>) => DIMENSION_IDS.filter((d) => set.has(d));

/** The registry as data for the API, the docs and the explorer: what each measure is and what it can be split by. */
export function registryMeasures(): MeasureDescription[] {
  return MEASURE_IDS.map((name) => {
    const m = MEASURES[name];
    const sources = m.sources as readonly MeasureSource[];
    const dimensions = new Set<DimensionId>();
    const rollup = new Set<DimensionId>();
    for (const s of sources) {
      const fact = FACTS[s.fact];
      for (const d of Object.keys(fact.detail.dimensions) as DimensionId[]) dimensions.add(d);
      if (s.rollup !== undefined && fact.rollup) for (const d of Object.keys(fact.rollup.dimensions) as DimensionId[]) rollup.add(d);
    }
    return {
      name,
      kind: m.kind,
      unit: m.unit,
      descriptionFr: m.fr,
      descriptionEn: m.en,
      datedAtFr: m.datedFr,
      datedAtEn: m.datedEn,
      statistics: m.kind === "additive" ? ["VALUE"] : STATISTICS.filter((s) => s !== "VALUE"),
      dimensions: inOrder(dimensions),
      rollupDimensions: inOrder(rollup),
    };
  });
}

export interface DimensionDescription {
  readonly name: DimensionId;
  readonly descriptionFr: string;
  readonly descriptionEn: string;
  readonly measures: MeasureId[];
}

export function registryDimensions(): DimensionDescription[] {
  const measures = registryMeasures();
  return DIMENSION_IDS.map((name) => ({
    name,
    descriptionFr: DIMENSIONS[name].fr,
    descriptionEn: DIMENSIONS[name].en,
    measures: measures.filter((m) => m.dimensions.includes(name)).map((m) => m.name),
  }));
}
