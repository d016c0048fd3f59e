import type { FactId } from "./facts.js";

export type Unit = "tonnes" | "teu" | "containers" | "declarations" | "trucks" | "calls" | "xof" | "hours" | "ratio";

/**
 * How a measure is read from one fact. Additive: an aggregate over the
 * detailed table and one over the rollup. Duration: the seconds column of the
 * detailed table (NULL when not yet known) and the rollup's columns: count,
 * sum of seconds, and exact percentile states.
 */
export type MeasureSource =
  | { readonly fact: FactId; readonly detail: string; readonly rollup?: string }
  | { readonly fact: FactId; readonly seconds: string; readonly rollup?: { readonly count: string; readonly sum: string; readonly states: string } };

const states = (prefix: string) => ({ count: `${prefix}_count`, sum: `${prefix}_sum_s`, states: `${prefix}_q` });

export interface MeasureDefinition {
  readonly kind: "additive" | "duration";
  readonly unit: Unit;
  readonly fr: string;
  readonly en: string;
  /** The date the measure is counted on (formats.md). */
  readonly datedFr: string;
  readonly datedEn: string;
  /** In order of preference: the first that gives every dimension asked for is used. */
  readonly sources: readonly MeasureSource[];
}

/** The measures of the semantic layer (formats.md, product.md). Durations are in hours. */
export const MEASURES = {
  TONNES: {
    kind: "additive",
    unit: "tonnes",
    fr: "Tonnes déclarées (poids brut des articles), déclarations comptées (IM8, EX1, IM4 ne soldant pas un IM8)",
    en: "Declared tonnes (items' gross weight), counted declarations (IM8, EX1, IM4 not ending an IM8)",
    datedFr: "enregistrement",
    datedEn: "registration",
    sources: [
      { fact: "declarations", detail: "sum(tonnes)", rollup: "sum(tonnes)" },
      { fact: "declaration_items", detail: "sum(gross_kg) / 1000" },
    ],
  },
  TEU: {
    kind: "additive",
    unit: "teu",
    fr: "EVP déclarés (conteneurs listés, par type-taille)",
    en: "Declared TEU (containers listed, by size-type)",
    datedFr: "enregistrement",
    datedEn: "registration",
    sources: [{ fact: "declarations", detail: "sum(teu)", rollup: "sum(teu)" }],
  },
  CONTAINERS: {
    kind: "additive",
    unit: "containers",
    fr: "Conteneurs déclarés",
    en: "Containers declared",
    datedFr: "enregistrement",
    datedEn: "registration",
    sources: [{ fact: "declarations", detail: "sum(containers)", rollup: "sum(containers)" }],
  },
  DECLARATIONS: {
    kind: "additive",
    unit: "declarations",
    fr: "Déclarations comptées",
    en: "Counted declarations",
    datedFr: "enregistrement",
    datedEn: "registration",
    sources: [
      { fact: "declarations", detail: "count()", rollup: "sum(declarations)" },
      { fact: "declaration_items", detail: "uniqExact(declaration_id)" },
    ],
  },
  CIF_VALUE: {
    kind: "additive",
    unit: "xof",
    fr: "Valeur CAF déclarée",
    en: "Declared CIF value",
    datedFr: "enregistrement",
    datedEn: "registration",
    sources: [
      { fact: "declarations", detail: "sum(cif_xof)", rollup: "sum(cif_xof)" },
      { fact: "declaration_items", detail: "sum(cif_xof)" },
    ],
  },
  GUARANTEES: {
    kind: "additive",
    unit: "xof",
    fr: "Garanties de transit déclarées",
    en: "Transit guarantees declared",
    datedFr: "enregistrement",
    datedEn: "registration",
    sources: [{ fact: "declarations", detail: "sum(ifNull(guarantee_xof, 0))", rollup: "sum(guarantee_xof)" }],
  },
  TRUCKS: {
    kind: "additive",
    unit: "trucks",
    fr: "Camions (mouvements de transit achevés)",
    en: "Trucks (completed transit movements)",
    datedFr: "arrivée (COMPLETED)",
    datedEn: "arrival (COMPLETED)",
    sources: [{ fact: "transits", detail: "count()", rollup: "sum(transit_count)" }],
  },
  TEU_HANDLED: {
    kind: "additive",
    unit: "teu",
    fr: "EVP manutentionnés au quai (débarqués et embarqués, transbordement compris)",
    en: "TEU handled at the quay (discharged and loaded, transshipment included)",
    datedFr: "mouvement",
    datedEn: "move",
    sources: [{ fact: "port_moves", detail: "sum(teu)", rollup: "sum(teu)" }],
  },
  SHIP_CALLS: {
    kind: "additive",
    unit: "calls",
    fr: "Escales de navires",
    en: "Ship calls",
    datedFr: "arrivée",
    datedEn: "arrival",
    sources: [{ fact: "ship_calls", detail: "count()", rollup: "sum(calls)" }],
  },
  CUSTOMS_REVENUE: {
    kind: "additive",
    unit: "xof",
    fr: "Recettes douanières payées (hors garantie), pour l'administration qui les a perçues",
    en: "Customs revenue paid (guarantees excluded), for the administration that collected it",
    datedFr: "quittance",
    datedEn: "receipt",
    sources: [{ fact: "customs_revenue", detail: "sum(amount_xof)", rollup: "sum(amount_xof)" }],
  },
  PORT_CHARGES: {
    kind: "additive",
    unit: "xof",
    fr: "Redevances portuaires facturées (avoirs déduits)",
    en: "Port charges invoiced (credit notes deducted)",
    datedFr: "émission de la facture",
    datedEn: "invoice issue",
    sources: [{ fact: "port_charges", detail: "sum(amount_xof)", rollup: "sum(amount_xof)" }],
  },
  PORT_DWELL: {
    kind: "duration",
    unit: "hours",
    fr: "Séjour portuaire des conteneurs pleins à l'import (débarquement → sortie)",
    en: "Port dwell of full import containers (discharge → gate-out)",
    datedFr: "sortie (gate-out)",
    datedEn: "gate-out",
    sources: [{ fact: "port_dwell", seconds: "dwell_s", rollup: states("dwell") }],
  },
  CUSTOMS_RELEASE: {
    kind: "duration",
    unit: "hours",
    fr: "Délai de dédouanement (enregistrement → bon à enlever)",
    en: "Customs release time (registration → release)",
    datedFr: "bon à enlever",
    datedEn: "release",
    sources: [{ fact: "releases", seconds: "release_s", rollup: states("release") }],
  },
  BORDER_CROSSING: {
    kind: "duration",
    unit: "hours",
    fr: "Passage de frontière (arrivée au bureau de sortie → mainlevée au bureau d'entrée)",
    en: "Border crossing (arrival at the exit office → release at the entry office)",
    datedFr: "mainlevée à l'entrée",
    datedEn: "release at entry",
    sources: [{ fact: "border_crossings", seconds: "crossing_s", rollup: states("crossing") }],
  },
  CORRIDOR_TRANSIT: {
    kind: "duration",
    unit: "hours",
    fr: "Transit sur le corridor (départ → arrivée à destination)",
    en: "Corridor transit (departure → arrival at destination)",
    datedFr: "arrivée (COMPLETED)",
    datedEn: "arrival (COMPLETED)",
    sources: [{ fact: "transits", seconds: "transit_s", rollup: states("transit") }],
  },
  END_TO_END: {
    kind: "duration",
    unit: "hours",
    fr: "De bout en bout (débarquement du conteneur → arrivée à destination)",
    en: "End to end (container discharge → arrival at destination)",
    datedFr: "arrivée (COMPLETED)",
    datedEn: "arrival (COMPLETED)",
    sources: [{ fact: "journeys", seconds: "end_to_end_s", rollup: states("end_to_end") }],
  },
  SHIP_WAITING: {
    kind: "duration",
    unit: "hours",
    fr: "Attente des navires (arrivée → accostage)",
    en: "Ship waiting (arrival → berthing)",
    datedFr: "arrivée",
    datedEn: "arrival",
    sources: [{ fact: "ship_calls", seconds: "waiting_s", rollup: { count: "calls", sum: "waiting_sum_s", states: "waiting_q" } }],
  },
  SHIP_TURNAROUND: {
    kind: "duration",
    unit: "hours",
    fr: "Rotation des navires (arrivée → départ)",
    en: "Ship turnaround (arrival → departure)",
    datedFr: "arrivée",
    datedEn: "arrival",
    sources: [{ fact: "ship_calls", seconds: "turnaround_s", rollup: { count: "turnarounds", sum: "turnaround_sum_s", states: "turnaround_q" } }],
  },
} as const satisfies Readonly<Record<string, MeasureDefinition>>;

export type MeasureId = keyof typeof MEASURES;

export const MEASURE_IDS = Object.keys(MEASURES) as MeasureId[];

/** Statistics of a duration; an additive measure has VALUE only. Reliability = p90 ÷ p50. */
export const STATISTICS = ["VALUE", "COUNT", "MEAN", "P50", "P90", "P95", "RELIABILITY"] as const;
export type Statistic = (typeof STATISTICS)[number];
