import { Field, InputType, Int } from "type-graphql";
import { DimensionEnum, MeasureEnum, StatisticEnum, TimeGrainEnum, type DimensionId, type Grain, type MeasureId, type Statistic } from "./metrics.enums.js";

@InputType({ description: "Période en dates locales AAAA-MM-JJ, du jour `from` inclus au jour `to` exclu (un trimestre : 2025-01-01 → 2025-04-01). / Period in local YYYY-MM-DD dates, from `from` included to `to` excluded (a quarter: 2025-01-01 → 2025-04-01)." })
export class PeriodInput {
  @Field(() => String, { description: "Premier jour, inclus. / First day, included." })
  from!: string;

  @Field(() => String, { description: "Jour suivant le dernier, exclu. / Day after the last, excluded." })
  to!: string;
}

@InputType({ description: "Une mesure et les statistiques voulues. / A measure and the statistics wanted." })
export class MeasureInput {
  @Field(() => MeasureEnum, { description: "La mesure. / The measure." })
  measure!: MeasureId;

  @Field(() => [StatisticEnum], { nullable: true, description: "VALUE pour une mesure additive ; COUNT, MEAN, P50, P90, P95, RELIABILITY pour une durée (défaut : VALUE, ou P50). / VALUE for an additive measure; COUNT, MEAN, P50, P90, P95, RELIABILITY for a duration (default: VALUE, or P50)." })
  statistics?: Statistic[] | null;
}

@InputType({ description: "Filtre sur les valeurs d'une dimension. / Filter on a dimension's values." })
export class FilterInput {
  @Field(() => DimensionEnum, { description: "La dimension. / The dimension." })
  dimension!: DimensionId;

  @Field(() => [String], { description: "Valeurs retenues (1 à 500), p. ex. [\"BF\", \"NE\"]. / Values kept (1 to 500), e.g. [\"BF\", \"NE\"]." })
  values!: string[];

  @Field(() => Boolean, { defaultValue: false, description: "Vrai : exclure ces valeurs au lieu de les retenir. / True: exclude these values instead of keeping them." })
  exclude!: boolean;
}

@InputType({ description: "Un critère de tri : une mesure (et sa statistique), une dimension, ou l'intervalle de temps. / One sort key: a measure (and its statistic), a dimension, or the time bucket." })
export class OrderInput {
  @Field(() => MeasureEnum, { nullable: true, description: "Trier par cette mesure. / Sort by this measure." })
  measure?: MeasureId | null;

  @Field(() => StatisticEnum, { nullable: true, description: "Statistique de la mesure (défaut : VALUE, ou P50). / The measure's statistic (default: VALUE, or P50)." })
  statistic?: Statistic | null;

  @Field(() => DimensionEnum, { nullable: true, description: "Trier par cette dimension. / Sort by this dimension." })
  dimension?: DimensionId | null;

  @Field(() => Boolean, { nullable: true, description: "Trier par intervalle de temps. / Sort by time bucket." })
  bucket?: boolean | null;

  @Field(() => Boolean, { defaultValue: false, description: "Ordre décroissant ; les lacunes restent en dernier. / Descending; gaps stay last." })
  descending!: boolean;
}

@InputType({ description: "Une question au registre : mesures, ventilation, filtres, tri, comparaison. / A question to the registry: measures, breakdown, filters, ordering, comparison." })
export class MetricQueryInput {
  @Field(() => [MeasureInput], { description: "1 à 20 mesures. / 1 to 20 measures." })
  measures!: MeasureInput[];

  @Field(() => [DimensionEnum], { defaultValue: [], description: "Jusqu'à 4 dimensions de ventilation. / Up to 4 dimensions to split by." })
  dimensions!: DimensionId[];

  @Field(() => TimeGrainEnum, { defaultValue: "NONE", description: "Découpage du temps ; les intervalles vides sont rendus comme lacunes (null). / Time bucketing; empty buckets are returned as gaps (null)." })
  grain!: Grain;

  @Field(() => PeriodInput, { description: "La période. / The period." })
  period!: PeriodInput;

  @Field(() => String, { defaultValue: "Africa/Lome", description: "Fuseau horaire IANA des jours et des intervalles. / IANA time zone of days and buckets." })
  timeZone!: string;

  @Field(() => [FilterInput], { defaultValue: [], description: "Filtres, tous appliqués. / Filters, all applied." })
  filters!: FilterInput[];

  @Field(() => [OrderInput], { defaultValue: [], description: "Tri (défaut : temps puis dimensions). / Ordering (default: time then dimensions)." })
  orderBy!: OrderInput[];

  @Field(() => Int, { defaultValue: 1000, description: "Lignes rendues, 10 000 au plus ; `truncated` dit s'il y en avait plus. / Rows returned, at most 10,000; `truncated` says whether there were more." })
  limit!: number;

  @Field(() => Boolean, { defaultValue: false, description: "Comparer à la période précédente et à la même période un an plus tôt. / Compare with the previous period and the same period a year earlier." })
  compare!: boolean;
}
