import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { PeriodRange } from "./metrics.types.js";

// Types of the two policy views of the October 2025 AES–Togo decisions:
// the single transit guarantee and the common external tariff.

@ObjectType({ description: "Garanties de transit : coût actuel (une garantie par pays traversé) contre une garantie unique ; montants en XOF (FCFA), arrondis au franc. / Transit guarantees: today's cost (one guarantee per country crossed) against a single guarantee; amounts in XOF (FCFA), rounded to the franc." })
export class GuaranteeFigures {
  @Field(() => Int, { description: "Déclarations sous garantie de transit (IM8, EX1 en transit). / Declarations under transit guarantee (IM8, EX1 in transit)." })
  declarations!: number;

  @Field(() => Int, { description: "Garanties nationales prises aujourd'hui : une par pays de l'itinéraire de chaque déclaration. / National guarantees taken today: one per country on each declaration's route." })
  guarantees!: number;

  @Field(() => Float, { description: "Valeur CAF, XOF (FCFA). / CIF value, XOF (FCFA)." })
  cifXof!: number;

  @Field(() => Float, { description: "Coût actuel des garanties : taux × CAF par pays traversé, XOF (FCFA). / Today's guarantee cost: rate × CIF per country crossed, XOF (FCFA)." })
  currentGuaranteesXof!: number;

  @Field(() => Float, { description: "Coût d'une garantie unique pour tout le trajet : taux × CAF, XOF (FCFA). / Cost of one single guarantee for the whole trip: rate × CIF, XOF (FCFA)." })
  singleGuaranteeXof!: number;

  @Field(() => Float, { description: "Économie pour les opérateurs : coût actuel − garantie unique, XOF (FCFA). / Saving for traders: today's cost − single guarantee, XOF (FCFA)." })
  savingXof!: number;

  @Field(() => Float, { nullable: true, description: "Économie ÷ coût actuel (0 à 1) ; vide si rien n'est garanti. / Saving ÷ today's cost (0 to 1); null when nothing is guaranteed." })
  savingShare!: number | null;

  @Field(() => Int, { description: "Déclarations dont le fichier porte un montant de garantie. / Declarations whose file carries a guarantee amount." })
  recordedDeclarations!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Somme des montants de garantie déclarés (Transit/Guarantee/Amount), XOF (FCFA) : la somme cautionnée (droits et taxes suspendus), pas le coût pour l'opérateur ; donnée pour information, non utilisée dans le calcul. / Sum of the declared guarantee amounts (Transit/Guarantee/Amount), XOF (FCFA): the sum secured (suspended duties and taxes), not the cost to the trader; for information, not used in the figures.",
  })
  recordedGuaranteeXof!: number | null;
}

@ObjectType({ description: "Un pays et un mois ; un mois sans déclaration est une lacune (valeurs vides), pas un zéro. Montants en XOF (FCFA). / One country and month; a month without declarations is a gap (null values), not a zero. Amounts in XOF (FCFA)." })
export class GuaranteeSavingsRow {
  @Field(() => String, { description: "Pays de destination (importations) ou d'origine (exportations). / Country of destination (imports) or origin (exports)." })
  country!: string;

  @Field(() => String, { description: "Premier jour du mois (AAAA-MM-JJ) dans le fuseau de la requête. / First day of the month (YYYY-MM-DD) in the query's time zone." })
  month!: string;

  @Field(() => Int, { nullable: true, description: "Déclarations sous garantie de transit. / Declarations under transit guarantee." })
  declarations!: number | null;

  @Field(() => Int, { nullable: true, description: "Garanties nationales prises aujourd'hui. / National guarantees taken today." })
  guarantees!: number | null;

  @Field(() => Float, { nullable: true, description: "Valeur CAF, XOF (FCFA). / CIF value, XOF (FCFA)." })
  cifXof!: number | null;

  @Field(() => Float, { nullable: true, description: "Coût actuel des garanties (taux × CAF par pays traversé), XOF (FCFA). / Today's guarantee cost (rate × CIF per country crossed), XOF (FCFA)." })
  currentGuaranteesXof!: number | null;

  @Field(() => Float, { nullable: true, description: "Coût d'une garantie unique (taux × CAF), XOF (FCFA). / Cost of a single guarantee (rate × CIF), XOF (FCFA)." })
  singleGuaranteeXof!: number | null;

  @Field(() => Float, { nullable: true, description: "Économie : coût actuel − garantie unique, XOF (FCFA). / Saving: today's cost − single guarantee, XOF (FCFA)." })
  savingXof!: number | null;

  @Field(() => Float, { nullable: true, description: "Économie ÷ coût actuel (0 à 1). / Saving ÷ today's cost (0 to 1)." })
  savingShare!: number | null;

  @Field(() => Int, { nullable: true, description: "Déclarations dont le fichier porte un montant de garantie. / Declarations whose file carries a guarantee amount." })
  recordedDeclarations!: number | null;

  @Field(() => Float, { nullable: true, description: "Somme cautionnée déclarée (pour information, pas un coût), XOF (FCFA). / Declared sum secured (for information, not a cost), XOF (FCFA)." })
  recordedGuaranteeXof!: number | null;
}

@ObjectType({
  description:
    "Ce que coûtent les garanties de transit aux opérateurs (taux × CAF pour chaque pays traversé) comparé à une garantie unique pour le trajet (taux × CAF une fois), par pays et par mois d'enregistrement. / What transit guarantees cost traders (rate × CIF for each country crossed) against one single guarantee for the trip (rate × CIF once), by country and month of registration.",
})
export class GuaranteeSavings {
  @Field(() => PeriodRange, { description: "La période demandée. / The period asked for." })
  period!: PeriodRange;

  @Field(() => String, { description: "Fuseau horaire des mois. / Time zone of the months." })
  timeZone!: string;

  @Field(() => Float, { description: "Taux de garantie appliqué, fraction du CAF (0.0025 = 0,25 %). / Guarantee rate applied, fraction of CIF (0.0025 = 0.25 %)." })
  rate!: number;

  @Field(() => [GuaranteeSavingsRow], { description: "Chaque pays présent, chaque mois de la période. / Every country present, every month of the period." })
  rows!: GuaranteeSavingsRow[];

  @Field(() => GuaranteeFigures, { description: "Totaux de la période, tous pays demandés. / Period totals, every country asked for." })
  totals!: GuaranteeFigures;
}

@InputType({ description: "Une bande du tarif extérieur commun déplacée, en fractions (0.05 = 5 %). / A common-external-tariff band moved, as fractions (0.05 = 5 %)." })
export class BandChangeInput {
  @Field(() => Float, { description: "Taux actuel de la bande, 0 à 1 (p. ex. 0.05). / Current rate of the band, 0 to 1 (e.g. 0.05)." })
  fromRate!: number;

  @Field(() => Float, { description: "Nouveau taux, 0 à 1 (p. ex. 0.075). / New rate, 0 to 1 (e.g. 0.075)." })
  toRate!: number;
}

@InputType({ description: "Un taux de droit de douane imposé à tout un chapitre SH ; l'emporte sur les bandes. / A customs duty rate set for a whole HS chapter; wins over band changes." })
export class ChapterRateInput {
  @Field(() => String, { description: "Chapitre SH à deux chiffres, 01 à 99. / Two-digit HS chapter, 01 to 99." })
  chapter!: string;

  @Field(() => Float, { description: "Taux, 0 à 1. / Rate, 0 to 1." })
  rate!: number;
}

@ObjectType({ description: "Droit de douane (DD) perçu et celui du scénario ; montants en XOF (FCFA), arrondis au franc. / Customs duty (DD) collected and under the scenario; amounts in XOF (FCFA), rounded to the franc." })
export class TariffFigures {
  @Field(() => Int, { description: "Lignes de DD payées. / DD lines paid." })
  lines!: number;

  @Field(() => Int, { description: "Lignes dont le scénario change le taux. / Lines whose rate the scenario changes." })
  changedLines!: number;

  @Field(() => Float, { description: "Base taxable du DD (valeur CAF), XOF (FCFA). / DD taxable base (CIF value), XOF (FCFA)." })
  baseXof!: number;

  @Field(() => Float, { description: "DD perçu, XOF (FCFA). / DD collected, XOF (FCFA)." })
  currentDutyXof!: number;

  @Field(() => Float, { description: "DD du scénario, XOF (FCFA). / DD under the scenario, XOF (FCFA)." })
  scenarioDutyXof!: number;

  @Field(() => Float, { description: "Variation du DD : scénario − perçu, XOF (FCFA). / Change in DD: scenario − collected, XOF (FCFA)." })
  dutyChangeXof!: number;

  @Field(() => Float, { description: "Effet sur la TVA (taux de TVA × variation du DD, la TVA portant sur CAF + DD + prélèvements), XOF (FCFA) ; 0 si la TVA n'est pas recalculée. / Effect on VAT (VAT rate × change in DD, VAT being charged on CIF + DD + levies), XOF (FCFA); 0 when VAT is not recomputed." })
  vatEffectXof!: number;

  @Field(() => Float, { description: "Variation totale des recettes : DD + TVA, XOF (FCFA). / Total change in revenue: DD + VAT, XOF (FCFA)." })
  totalChangeXof!: number;
}

@ObjectType({ description: "Un pays percepteur et un chapitre SH ; montants en XOF (FCFA). / One collecting country and HS chapter; amounts in XOF (FCFA)." })
export class TariffScenarioRow extends TariffFigures {
  @Field(() => String, { description: "Administration qui a perçu les droits. / Administration that collected the duties." })
  country!: string;

  @Field(() => String, { description: "Chapitre SH (deux chiffres). / HS chapter (two digits)." })
  hsChapter!: string;
}

@ObjectType({
  description:
    "Recettes douanières qu'aurait données un changement des bandes du tarif extérieur commun (TEC), sur les déclarations effectivement payées de la période (datées par la quittance). / Customs revenue a change of common-external-tariff (CET) bands would have given, on the declarations actually paid over the period (dated by the receipt).",
})
export class TariffScenario {
  @Field(() => PeriodRange, { description: "La période demandée. / The period asked for." })
  period!: PeriodRange;

  @Field(() => String, { description: "Fuseau horaire de la période. / Time zone of the period." })
  timeZone!: string;

  @Field(() => Boolean, { description: "La TVA a-t-elle été recalculée ? / Was VAT recomputed?" })
  recomputeVat!: boolean;

  @Field(() => [TariffScenarioRow], { description: "Par pays percepteur et chapitre SH. / By collecting country and HS chapter." })
  rows!: TariffScenarioRow[];

  @Field(() => TariffFigures, { description: "Totaux, tous pays demandés. / Totals, every country asked for." })
  totals!: TariffFigures;
}
