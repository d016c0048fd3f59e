import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Float, ObjectType } from "type-graphql";
import { Feed } from "./enums.js";
import { DimensionEnum, MeasureEnum, MeasureKindEnum, SourcePathEnum, StatisticEnum, TimeGrainEnum, UnitEnum, type DimensionId, type Grain, type MeasureId, type Statistic, type Unit } from "./metrics.enums.js";

@ObjectType({ description: "Période en dates locales, `to` exclu. / Period in local dates, `to` excluded." })
export class PeriodRange {
  @Field(() => String, { description: "Premier jour, inclus. / First day, included." })
  from!: string;

  @Field(() => String, { description: "Jour suivant le dernier, exclu. / Day after the last, excluded." })
  to!: string;
}

@ObjectType({ description: "Fraîcheur d'un flux : le dernier événement chargé. / Freshness of one feed: the latest event loaded." })
export class FeedFreshness {
  @Field(() => Feed, { description: "Le flux. / The feed." })
  feed!: Feed;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Dernier événement chargé (UTC) ; null si rien n'est chargé. / Latest event loaded (UTC); null when nothing is loaded." })
  lastEventAt!: Date | null;
}

@ObjectType({ description: "Valeur d'une dimension, avec son nom en français et en anglais quand une liste de référence le donne. / A dimension's value, with its French and English names when a reference list gives them." })
export class DimensionValue {
  @Field(() => DimensionEnum, { description: "La dimension. / The dimension." })
  dimension!: DimensionId;

  @Field(() => String, { description: "Le code (vide : non attribué). / The code (empty: unallocated)." })
  value!: string;

  @Field(() => String, { nullable: true, description: "Nom en français. / French name." })
  labelFr!: string | null;

  @Field(() => String, { nullable: true, description: "Nom en anglais. / English name." })
  labelEn!: string | null;
}

@ObjectType({ description: "Une statistique d'une mesure, avec ses comparaisons quand elles sont demandées ; null = lacune (aucune donnée). / One statistic of a measure, with its comparisons when asked; null = gap (no data)." })
export class MetricCell {
  @Field(() => MeasureEnum, { description: "La mesure. / The measure." })
  measure!: MeasureId;

  @Field(() => StatisticEnum, { description: "La statistique. / The statistic." })
  statistic!: Statistic;

  @Field(() => UnitEnum, { description: "Unité de la valeur. / Unit of the value." })
  unit!: Unit;

  @Field(() => Float, { nullable: true, description: "Valeur sur la période. / Value over the period." })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: "Valeur sur la période précédente. / Value over the previous period." })
  previous!: number | null;

  @Field(() => Float, { nullable: true, description: "Évolution relative par rapport à la période précédente (0,1 = +10 %). / Relative change from the previous period (0.1 = +10%)." })
  previousChange!: number | null;

  @Field(() => Float, { nullable: true, description: "Valeur un an plus tôt. / Value a year earlier." })
  yearAgo!: number | null;

  @Field(() => Float, { nullable: true, description: "Évolution relative sur un an (0,1 = +10 %). / Relative change over a year (0.1 = +10%)." })
  yearAgoChange!: number | null;
}

@ObjectType({ description: "Une ligne : un intervalle de temps et une combinaison de dimensions. / One row: a time bucket and a combination of dimensions." })
export class MetricRow {
  @Field(() => String, { nullable: true, description: "Premier jour local de l'intervalle ; null sans découpage. / First local day of the bucket; null without bucketing." })
  bucket!: string | null;

  @Field(() => Boolean, { description: "L'intervalle déborde de la période (semaine commencée avant, mois fini après) : ses chiffres ne couvrent que les jours de la période. / The bucket reaches outside the period (a week begun before it, a month ending after it): its figures cover only the days inside." })
  partial!: boolean;

  @Field(() => [DimensionValue], { description: "Valeurs des dimensions, dans l'ordre demandé. / Dimension values, in the order asked." })
  dimensions!: DimensionValue[];

  @Field(() => [MetricCell], { description: "Une cellule par mesure et statistique, dans l'ordre demandé. / One cell per measure and statistic, in the order asked." })
  cells!: MetricCell[];
}

@ObjectType({ description: "Table qui a répondu pour une mesure. / Table that answered for a measure." })
export class MetricSource {
  @Field(() => MeasureEnum, { description: "La mesure. / The measure." })
  measure!: MeasureId;

  @Field(() => SourcePathEnum, { description: "Agrégat ou table détaillée. / Rollup or detailed table." })
  path!: "rollup" | "detail";

  @Field(() => String, { description: "Nom de la table. / Table name." })
  table!: string;
}

@ObjectType({ description: "Réponse d'une requête générale. / Answer to a general query." })
export class MetricResult {
  @Field(() => [MetricRow], { description: "Les lignes. / The rows." })
  rows!: MetricRow[];

  @Field(() => TimeGrainEnum, { description: "Découpage du temps. / Time bucketing." })
  grain!: Grain;

  @Field(() => String, { description: "Fuseau horaire des dates. / Time zone of the dates." })
  timeZone!: string;

  @Field(() => PeriodRange, { description: "Période. / Period." })
  period!: PeriodRange;

  @Field(() => PeriodRange, { nullable: true, description: "Période précédente comparée. / Previous period compared." })
  previousPeriod!: PeriodRange | null;

  @Field(() => PeriodRange, { nullable: true, description: "Même période un an plus tôt. / Same period a year earlier." })
  yearAgoPeriod!: PeriodRange | null;

  @Field(() => Boolean, { description: "Vrai si des lignes dépassaient la limite. / True when rows beyond the limit were left out." })
  truncated!: boolean;

  @Field(() => [MetricSource], { description: "D'où vient chaque mesure. / Where each measure came from." })
  sources!: MetricSource[];

  @Field(() => [FeedFreshness], { description: "Données au : dernier événement chargé par flux. / Data as of: latest event loaded per feed." })
  dataAsOf!: FeedFreshness[];
}

@ObjectType({ description: "Une mesure du registre. / A measure of the registry." })
export class MeasureInfo {
  @Field(() => MeasureEnum, { description: "Nom. / Name." })
  name!: MeasureId;

  @Field(() => MeasureKindEnum, { description: "Somme ou durée. / Sum or duration." })
  kind!: "additive" | "duration";

  @Field(() => UnitEnum, { description: "Unité. / Unit." })
  unit!: Unit;

  @Field(() => String, { description: "Définition en français. / French definition." })
  descriptionFr!: string;

  @Field(() => String, { description: "Définition en anglais. / English definition." })
  descriptionEn!: string;

  @Field(() => String, { description: "Date de comptage (français). / Date it is counted on (French)." })
  datedAtFr!: string;

  @Field(() => String, { description: "Date de comptage (anglais). / Date it is counted on (English)." })
  datedAtEn!: string;

  @Field(() => [StatisticEnum], { description: "Statistiques disponibles. / Statistics available." })
  statistics!: Statistic[];

  @Field(() => [DimensionEnum], { description: "Dimensions de ventilation et de filtre possibles. / Dimensions it can be split and filtered by." })
  dimensions!: DimensionId[];

  @Field(() => [DimensionEnum], { description: "Dimensions servies par un agrégat (réponse rapide). / Dimensions a rollup serves (fast answer)." })
  rollupDimensions!: DimensionId[];
}

@ObjectType({ description: "Une dimension du registre. / A dimension of the registry." })
export class DimensionInfo {
  @Field(() => DimensionEnum, { description: "Nom. / Name." })
  name!: DimensionId;

  @Field(() => String, { description: "Définition en français. / French definition." })
  descriptionFr!: string;

  @Field(() => String, { description: "Définition en anglais. / English definition." })
  descriptionEn!: string;

  @Field(() => [MeasureEnum], { description: "Mesures ventilables par cette dimension. / Measures it can split." })
  measures!: MeasureId[];
}

@ObjectType({ description: "Point d'une tendance mensuelle ; null = lacune. / Point of a monthly trend; null = gap." })
export class TrendPoint {
  @Field(() => String, { description: "Premier jour du mois. / First day of the month." })
  bucket!: string;

  @Field(() => Float, { nullable: true, description: "Valeur. / Value." })
  value!: number | null;
}

@ObjectType({ description: "Un indicateur clé : valeur, comparaisons et tendance mensuelle. / A key indicator: value, comparisons and monthly trend." })
export class Kpi extends MetricCell {
  @Field(() => String, { description: "Nom court en français. / Short French name." })
  labelFr!: string;

  @Field(() => String, { description: "Nom court en anglais. / Short English name." })
  labelEn!: string;

  @Field(() => [TrendPoint], { description: "Valeurs mois par mois sur la période. / Month by month values over the period." })
  trend!: TrendPoint[];
}

@ObjectType({ description: "Vue d'ensemble : tous les indicateurs clés avec leurs évolutions. / Overview: every key indicator with its changes." })
export class Overview {
  @Field(() => PeriodRange, { description: "Période. / Period." })
  period!: PeriodRange;

  @Field(() => PeriodRange, { description: "Période précédente comparée. / Previous period compared." })
  previousPeriod!: PeriodRange;

  @Field(() => PeriodRange, { description: "Même période un an plus tôt. / Same period a year earlier." })
  yearAgoPeriod!: PeriodRange;

  @Field(() => [Kpi], { description: "Les indicateurs. / The indicators." })
  kpis!: Kpi[];

  @Field(() => [FeedFreshness], { description: "Données au, par flux. / Data as of, per feed." })
  dataAsOf!: FeedFreshness[];
}

@ObjectType({ description: "Chiffres d'un pays sur la période : volumes, délais, recettes, avec leurs évolutions. / One country's figures for the period: volumes, times, revenue, with their changes." })
export class CountryFigures {
  @Field(() => String, { description: "Code pays (ZZ : autres). / Country code (ZZ: others)." })
  country!: string;

  @Field(() => String, { nullable: true, description: "Nom en français. / French name." })
  nameFr!: string | null;

  @Field(() => String, { nullable: true, description: "Nom en anglais. / English name." })
  nameEn!: string | null;

  @Field(() => MetricCell, { description: "Tonnes déclarées. / Declared tonnes." })
  tonnes!: MetricCell;

  @Field(() => MetricCell, { description: "EVP déclarés. / Declared TEU." })
  teu!: MetricCell;

  @Field(() => MetricCell, { description: "Conteneurs déclarés. / Containers declared." })
  containers!: MetricCell;

  @Field(() => MetricCell, { description: "Déclarations. / Declarations." })
  declarations!: MetricCell;

  @Field(() => MetricCell, { description: "Camions arrivés. / Trucks arrived." })
  trucks!: MetricCell;

  @Field(() => MetricCell, { description: "Valeur CAF (FCFA). / CIF value (XOF)." })
  cifValue!: MetricCell;

  @Field(() => MetricCell, { description: "Garanties de transit (FCFA). / Transit guarantees (XOF)." })
  guarantees!: MetricCell;

  @Field(() => MetricCell, { description: "Recettes douanières perçues par l'administration du pays (FCFA). / Customs revenue collected by the country's administration (XOF)." })
  customsRevenue!: MetricCell;

  @Field(() => MetricCell, { description: "Redevances portuaires (FCFA). / Port charges (XOF)." })
  portCharges!: MetricCell;

  @Field(() => MetricCell, { description: "Séjour portuaire médian (heures). / Median port dwell (hours)." })
  portDwellP50!: MetricCell;

  @Field(() => MetricCell, { description: "Séjour portuaire P90 (heures). / Port dwell P90 (hours)." })
  portDwellP90!: MetricCell;

  @Field(() => MetricCell, { description: "Dédouanement médian (heures). / Median customs release (hours)." })
  customsReleaseP50!: MetricCell;

  @Field(() => MetricCell, { description: "Transit médian sur le corridor (heures). / Median corridor transit (hours)." })
  corridorTransitP50!: MetricCell;

  @Field(() => MetricCell, { description: "Transit sur le corridor P90 (heures). / Corridor transit P90 (hours)." })
  corridorTransitP90!: MetricCell;

  @Field(() => MetricCell, { description: "Délai médian de bout en bout (heures). / Median end-to-end time (hours)." })
  endToEndP50!: MetricCell;
}

@ObjectType({ description: "Chiffres par pays. / Figures per country." })
export class CountryFiguresResult {
  @Field(() => PeriodRange, { description: "Période. / Period." })
  period!: PeriodRange;

  @Field(() => [CountryFigures], { description: "Un élément par pays. / One entry per country." })
  countries!: CountryFigures[];

  @Field(() => [FeedFreshness], { description: "Données au, par flux. / Data as of, per feed." })
  dataAsOf!: FeedFreshness[];
}
