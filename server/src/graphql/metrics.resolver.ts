import { Arg, Authorized, Ctx, Int, Query, Resolver, type Complexity } from "type-graphql";
import { portDwellHistogram } from "../metrics/distributions/port-dwell-histogram.js";
import { PortDwellHistogram } from "./distribution.types.js";
import { COUNTRY_FIGURES_COST, metricsCost, OVERVIEW_COST, POLICY_COST } from "../limits/costs.js";
import { countryFigures, overview } from "../metrics/entry-points.js";
import type { LabelledAnswer } from "../metrics/metrics-service.js";
import { scopeOf } from "../metrics/scope.js";
import { registryDimensions, registryMeasures } from "../metrics/registry/describe.js";
import { toMetricRequest, toPeriod } from "../metrics/query/request.js";
import type { Context } from "./context.js";
import type { Feed } from "./enums.js";
import { MetricQueryInput, PeriodInput } from "./metrics.inputs.js";
import { CountryFiguresResult, DimensionInfo, MeasureInfo, MetricResult, Overview, type FeedFreshness } from "./metrics.types.js";

const toFreshness = (feeds: readonly { feed: string; lastEventAt: string | null }[]): FeedFreshness[] =>
  feeds.map((f) => ({ feed: f.feed as Feed, lastEventAt: f.lastEventAt === null ? null : new Date(f.lastEventAt) }));

/** Maps an answer of the semantic layer onto the GraphQL result, naming each dimension value from the reference lists. */
function toResult(answer: LabelledAnswer, grain: MetricResult["grain"], timeZone: string): MetricResult {
  return {
    grain,
    timeZone,
    period: answer.period,
    previousPeriod: answer.previousPeriod,
    yearAgoPeriod: answer.yearAgoPeriod,
    truncated: answer.truncated,
    sources: [...answer.sources],
    dataAsOf: toFreshness(answer.dataAsOf),
    rows: answer.rows.map((row) => ({
      bucket: row.bucket,
      partial: row.partial,
      cells: [...row.cells],
      dimensions: row.dimensions.map((d) => {
        const label = answer.labels.get(d.dimension)?.get(d.value);
        return { dimension: d.dimension, value: d.value, labelFr: label?.fr ?? null, labelEn: label?.en ?? null };
      }),
    })),
  };
}

const COUNTRIES_ARG = { nullable: true, description: "Restreindre à ces pays (BF, ML, NE, TG, ZZ). / Restrict to these countries (BF, ML, NE, TG, ZZ)." } as const;
const ZONE_ARG = { defaultValue: "Africa/Lome", description: "Fuseau horaire IANA. / IANA time zone." } as const;

/** The semantic layer: one general query over the registry, and typed entry points for the common questions. */
@Resolver()
export class MetricsResolver {
  @Authorized()
  @Query(() => MetricResult, { complexity: metricsCost as Complexity, description: "Requête générale sur le registre des mesures et dimensions. / General query over the registry of measures and dimensions." })
  async metrics(@Arg("query", () => MetricQueryInput) query: MetricQueryInput, @Ctx() { services, principal }: Context): Promise<MetricResult> {
    const request = toMetricRequest(query);
    return toResult(await services.metrics.run(request, { scope: scopeOf(principal) }), request.grain, request.timeZone);
  }

  @Authorized()
  @Query(() => Overview, { complexity: OVERVIEW_COST, description: "Tous les indicateurs clés d'une période, comparés à la période précédente et à l'an passé, avec leur tendance mensuelle. / Every key indicator for a period, compared with the previous period and a year earlier, with its monthly trend." })
  async overview(
    @Arg("period", () => PeriodInput) period: PeriodInput,
    @Arg("timeZone", () => String, ZONE_ARG) timeZone: string,
    @Arg("countries", () => [String], COUNTRIES_ARG) countries: string[] | null,
    @Ctx() { services, principal }: Context,
  ): Promise<Overview> {
    const answer = await overview(services.metrics, toPeriod(period), timeZone, countries ?? null, scopeOf(principal));
    return { ...answer, kpis: answer.kpis.map((k) => ({ ...k })), dataAsOf: toFreshness(answer.dataAsOf) };
  }

  @Authorized()
  @Query(() => CountryFiguresResult, { complexity: COUNTRY_FIGURES_COST, description: "Volumes, délais et recettes par pays sur une période, avec leurs évolutions. / Volumes, times and revenue per country for a period, with their changes." })
  async countryFigures(
    @Arg("period", () => PeriodInput) period: PeriodInput,
    @Arg("timeZone", () => String, ZONE_ARG) timeZone: string,
    @Arg("countries", () => [String], COUNTRIES_ARG) countries: string[] | null,
    @Ctx() { services, principal }: Context,
  ): Promise<CountryFiguresResult> {
    const answer = await countryFigures(services.metrics, toPeriod(period), timeZone, countries ?? null, scopeOf(principal));
    return { period: answer.period, countries: answer.countries.map((c) => ({ ...c })), dataAsOf: toFreshness(answer.dataAsOf) };
  }

  @Authorized()
  @Query(() => PortDwellHistogram, { complexity: POLICY_COST, description: "Répartition du séjour portuaire en classes d'heures (conteneurs pleins à l'import). / Port dwell spread in bands of hours (full import containers)." })
  async portDwellHistogram(
    @Arg("period", () => PeriodInput) period: PeriodInput,
    @Arg("timeZone", () => String, ZONE_ARG) timeZone: string,
    @Arg("countries", () => [String], COUNTRIES_ARG) countries: string[] | null,
    @Arg("terminals", () => [String], { nullable: true, description: "Restreindre à ces terminaux. / Restrict to these terminals." }) terminals: string[] | null,
    @Arg("routes", () => [String], { nullable: true, description: "Restreindre à ces itinéraires. / Restrict to these routes." }) routes: string[] | null,
    @Arg("binHours", () => Int, { defaultValue: 24, description: "Largeur d'une classe en heures (1 à 720). / Bin width in hours (1 to 720)." }) binHours: number,
    @Arg("maxHours", () => Int, { defaultValue: 720, description: "Au-delà, les conteneurs sont comptés dans `overflow`. / Beyond this, containers are counted in `overflow`." }) maxHours: number,
    @Ctx() { services, principal }: Context,
  ): Promise<PortDwellHistogram> {
    const [answer, dataAsOf] = await Promise.all([
      portDwellHistogram(services.warehouse, { period: toPeriod(period), timeZone, countries: countries ?? [], terminals: terminals ?? [], routes: routes ?? [], binHours, maxHours }, scopeOf(principal), services.metrics.statementLimits()),
      services.metrics.dataAsOf(),
    ]);
    return { period: toPeriod(period), bins: [...answer.bins], overflow: answer.overflow, containers: answer.containers, dataAsOf: toFreshness(dataAsOf) };
  }

  @Authorized()
  @Query(() => [MeasureInfo], { description: "Le registre des mesures : définitions, unités, statistiques et dimensions possibles. / The registry of measures: definitions, units, statistics and possible dimensions." })
  measures(): MeasureInfo[] {
    return registryMeasures();
  }

  @Authorized()
  @Query(() => [DimensionInfo], { description: "Le registre des dimensions. / The registry of dimensions." })
  dimensions(): DimensionInfo[] {
    return registryDimensions();
  }
}
