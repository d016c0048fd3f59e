import { GraphQLError } from "graphql";
import { Arg, Authorized, Ctx, Float, Query, Resolver } from "type-graphql";
import { DEFAULT_GUARANTEE_RATE, guaranteeSavings, type GuaranteeSavingsAnswer } from "../metrics/policy/guarantee-savings.js";
import { DEFAULT_TIME_ZONE } from "../metrics/query/request.js";
import { tariffScenario } from "../metrics/policy/tariff-scenario.js";
import { MetricQueryError } from "../metrics/query/plan.js";
import { checkCountryListScope, scopeOf } from "../metrics/scope.js";
import { POLICY_COST } from "../limits/costs.js";
import type { Context } from "./context.js";
import { PeriodInput } from "./metrics.inputs.js";
import { BandChangeInput, ChapterRateInput, GuaranteeSavings, TariffScenario } from "./policy.types.js";

/** A question the policy views cannot answer as asked is the caller's to fix: BAD_USER_INPUT, with the reason. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MetricQueryError) throw new GraphQLError(error.message, { extensions: { code: "BAD_USER_INPUT" } });
    throw error;
  }
}

const PERIOD_ARG = { description: "Période en dates locales, « to » exclu. / Period in local dates, `to` excluded." } as const;
const ZONE_ARG = { defaultValue: DEFAULT_TIME_ZONE, description: "Fuseau horaire IANA des dates et des mois. / IANA time zone of the dates and months." } as const;
const COUNTRIES_ARG = { nullable: true, description: "Restreindre à ces pays (codes ISO à deux lettres) ; vide : tous. / Restrict to these countries (two-letter ISO codes); empty: all." } as const;

function toGraphql(answer: GuaranteeSavingsAnswer): GuaranteeSavings {
  return {
    period: { ...answer.period },
    timeZone: answer.timeZone,
    rate: answer.rate,
    rows: answer.rows.map((row) => ({
      country: row.country,
      month: row.month,
      declarations: row.figures?.declarations ?? null,
      guarantees: row.figures?.guarantees ?? null,
      cifXof: row.figures?.cifXof ?? null,
      currentGuaranteesXof: row.figures?.currentGuaranteesXof ?? null,
      singleGuaranteeXof: row.figures?.singleGuaranteeXof ?? null,
      savingXof: row.figures?.savingXof ?? null,
      savingShare: row.figures?.savingShare ?? null,
      recordedDeclarations: row.figures?.recordedDeclarations ?? null,
      recordedGuaranteeXof: row.figures?.recordedGuaranteeXof ?? null,
    })),
    totals: { ...answer.totals },
  };
}

/** The policy views of the October 2025 AES–Togo decisions: the single transit guarantee and the common external tariff. */
@Resolver()
export class PolicyResolver {
  @Authorized()
  @Query(() => GuaranteeSavings, {
    complexity: POLICY_COST,
    description:
      "Garantie de transit unique : ce que les opérateurs paient aujourd'hui (taux × CAF pour chaque pays traversé) contre une seule garantie pour le trajet, par pays et par mois ; montants en XOF (FCFA). / Single transit guarantee: what traders pay today (rate × CIF for each country crossed) against one guarantee for the trip, by country and month; amounts in XOF (FCFA).",
  })
  async guaranteeSavings(
    @Arg("period", () => PeriodInput, PERIOD_ARG) period: PeriodInput,
    @Arg("timeZone", () => String, ZONE_ARG) timeZone: string,
    @Arg("rate", () => Float, { defaultValue: DEFAULT_GUARANTEE_RATE, description: "Taux par garantie, fraction du CAF : 0 < taux ≤ 0,05 (0.0025 = 0,25 %). / Rate per guarantee, fraction of CIF: 0 < rate ≤ 0.05 (0.0025 = 0.25 %)." }) rate: number,
    @Arg("countries", () => [String], COUNTRIES_ARG) countries: string[] | null,
    @Ctx() { services }: Context,
  ): Promise<GuaranteeSavings> {
    return answering(async () => toGraphql(await guaranteeSavings(services.warehouse, { period: { from: period.from, to: period.to }, timeZone, rate, countries: countries ?? [] }, services.metrics.statementLimits())));
  }

  @Authorized()
  @Query(() => TariffScenario, {
    complexity: POLICY_COST,
    description:
      "Scénario de tarif extérieur commun : droit de douane (DD) qu'auraient donné d'autres bandes sur les déclarations payées, par pays percepteur et chapitre SH, avec l'effet sur la TVA ; montants en XOF (FCFA). / Common-external-tariff scenario: the customs duty (DD) other bands would have given on the declarations paid, by collecting country and HS chapter, with the effect on VAT; amounts in XOF (FCFA).",
  })
  async tariffScenario(
    @Arg("period", () => PeriodInput, PERIOD_ARG) period: PeriodInput,
    @Arg("timeZone", () => String, ZONE_ARG) timeZone: string,
    @Arg("bands", () => [BandChangeInput], { description: "Bandes déplacées (50 au plus), p. ex. 5 % → 7,5 %. / Bands moved (at most 50), e.g. 5 % → 7.5 %." }) bands: BandChangeInput[],
    @Arg("chapters", () => [ChapterRateInput], { nullable: true, description: "Taux imposés par chapitre SH ; l'emportent sur les bandes. / Rates set per HS chapter; they win over bands." }) chapters: ChapterRateInput[] | null,
    @Arg("recomputeVat", () => Boolean, { defaultValue: true, description: "Recalculer la TVA sur la nouvelle base (CAF + DD + prélèvements). / Recompute VAT on the new base (CIF + DD + levies)." }) recomputeVat: boolean,
    @Arg("countries", () => [String], COUNTRIES_ARG) countries: string[] | null,
    @Ctx() { services, principal }: Context,
  ): Promise<TariffScenario> {
    // Split by HS chapter, the scenario is country detail: a scoped user asks for its own country only.
    checkCountryListScope(scopeOf(principal), countries ?? []);
    return answering(async () => {
      const answer = await tariffScenario(services.warehouse, {
        period: { from: period.from, to: period.to },
        timeZone,
        bands: bands.map((b) => ({ fromRate: b.fromRate, toRate: b.toRate })),
        chapters: (chapters ?? []).map((c) => ({ chapter: c.chapter, rate: c.rate })),
        recomputeVat,
        countries: countries ?? [],
      }, services.metrics.statementLimits());
      return { period: { ...answer.period }, timeZone: answer.timeZone, recomputeVat: answer.recomputeVat, rows: answer.rows.map((row) => ({ ...row })), totals: { ...answer.totals } };
    });
  }
}
