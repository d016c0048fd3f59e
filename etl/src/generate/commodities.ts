/**
 * What the ships bring and the trucks carry: HS codes (domain.md §1.4 [E]),
 * the common external tariff band of each (§4, ECOWAS CET bands 0/5/10/20/35),
 * CIF values per tonne (XOF at about 600 XOF/USD, world prices of 2023–24 [E]),
 * and how each travels (§1.4 [E]: 35–45 % of transit tonnage containerised,
 * 14–18 t per TEU).
 */
import type { SeasonProfile } from "./seasonality.js";
import type { AesCountry, Terminal } from "./volumes.js";

/** How the part that is not containerised travels. */
export type BulkMode = "liquid_bulk" | "dry_bulk" | "break_bulk" | "roro";

export type CetBand = 0 | 5 | 10 | 20 | 35;

export interface Commodity {
  readonly key: string;
  /** National tariff line: 8-digit commodity code + 2-digit precision. */
  readonly hs: string;
  readonly description: string;
  readonly cetBand: CetBand;
  readonly cifPerTonne: number;
  readonly origins: readonly string[];
  readonly season: SeasonProfile;
  /** Share of the tonnage that comes in containers; the rest travels by `bulkMode`. */
  readonly containerShare: number;
  readonly bulkMode: BulkMode | null;
  readonly bulkTerminal: Terminal | null;
  /** ISO size-types of its containers, weighted. */
  readonly sizeTypes: readonly (readonly [string, number])[];
  /** Cargo gross weight per 20-foot and per 40/45-foot box, tonnes. */
  readonly payload20: readonly [number, number];
  readonly payload40: readonly [number, number];
  /** Vehicles: tonnes per unit. */
  readonly unitTonnes?: readonly [number, number];
  /** Exempt from VAT (UEMOA VAT directive: unprocessed staple food, medicines, agricultural inputs) [E]. */
  readonly vatExempt?: boolean;
}

const DRY_20: readonly (readonly [string, number])[] = [["22G1", 1]];
const DRY_40: readonly (readonly [string, number])[] = [
  ["45G1", 0.6],
  ["42G1", 0.35],
  ["L5G1", 0.05],
];
const DRY_MIXED: readonly (readonly [string, number])[] = [
  ["22G1", 0.45],
  ["45G1", 0.35],
  ["42G1", 0.2],
];
const REEFER: readonly (readonly [string, number])[] = [
  ["22R1", 0.4],
  ["45R1", 0.6],
];
const TANK: readonly (readonly [string, number])[] = [
  ["22T1", 0.5],
  ["22G1", 0.5],
];

type Spec = Omit<Commodity, "sizeTypes" | "payload20" | "payload40" | "containerShare" | "bulkMode" | "bulkTerminal"> &
  Partial<Pick<Commodity, "sizeTypes" | "payload20" | "payload40" | "containerShare" | "bulkMode" | "bulkTerminal">>;

function commodity(spec: Spec): Commodity {
  return { containerShare: 1, bulkMode: null, bulkTerminal: null, sizeTypes: DRY_MIXED, payload20: [18, 24], payload40: [20, 26], ...spec };
}

const FUEL_ORIGINS = ["NL", "BE", "NG", "IN", "ES"];

export const COMMODITIES: readonly Commodity[] = [
  // Hydrocarbons: liquid bulk at the oil jetty, tanker trucks inland.
  commodity({ key: "gasoil", hs: "2710190000", description: "Gasoil (gazole)", cetBand: 10, cifPerTonne: 510_000, origins: FUEL_ORIGINS, season: "flat", containerShare: 0, bulkMode: "liquid_bulk", bulkTerminal: "JETTY" }),
  commodity({ key: "fuel_oil", hs: "2710190000", description: "Fuel-oil lourd", cetBand: 10, cifPerTonne: 300_000, origins: FUEL_ORIGINS, season: "flat", containerShare: 0, bulkMode: "liquid_bulk", bulkTerminal: "JETTY" }),
  commodity({ key: "gasoline", hs: "2710120000", description: "Essence super sans plomb", cetBand: 10, cifPerTonne: 540_000, origins: FUEL_ORIGINS, season: "flat", containerShare: 0, bulkMode: "liquid_bulk", bulkTerminal: "JETTY" }),
  // Clinker and cement.
  commodity({ key: "clinker", hs: "2523100000", description: "Clinker de ciment Portland", cetBand: 5, cifPerTonne: 36_000, origins: ["TR", "VN", "EG"], season: "flat", containerShare: 0, bulkMode: "dry_bulk", bulkTerminal: "QMIN" }),
  commodity({ key: "cement", hs: "2523290000", description: "Ciment Portland en sacs", cetBand: 20, cifPerTonne: 54_000, origins: ["TR", "VN", "CN"], season: "flat", containerShare: 0.3, bulkMode: "break_bulk", bulkTerminal: "QCONV", sizeTypes: DRY_20, payload20: [25, 27.5] }),
  // Cereals.
  commodity({ key: "broken_rice", hs: "1006400000", description: "Brisures de riz", cetBand: 10, cifPerTonne: 240_000, origins: ["TH", "IN", "VN", "PK"], season: "food", vatExempt: true, containerShare: 0.8, bulkMode: "break_bulk", bulkTerminal: "QCONV", sizeTypes: DRY_20, payload20: [25, 27.5] }),
  commodity({ key: "milled_rice", hs: "1006300000", description: "Riz blanchi en sacs de 50 kg", cetBand: 10, cifPerTonne: 330_000, origins: ["TH", "IN", "VN"], season: "food", vatExempt: true, containerShare: 0.8, bulkMode: "break_bulk", bulkTerminal: "QCONV", sizeTypes: DRY_20, payload20: [24, 27] }),
  commodity({ key: "wheat", hs: "1001990000", description: "Blé tendre en vrac", cetBand: 5, cifPerTonne: 180_000, origins: ["FR", "RU", "UA", "CA"], season: "food", vatExempt: true, containerShare: 0, bulkMode: "dry_bulk", bulkTerminal: "QMIN" }),
  // Fertilisers (peak before the rains).
  commodity({ key: "urea", hs: "3102100000", description: "Urée (engrais azoté)", cetBand: 5, cifPerTonne: 240_000, origins: ["NG", "RU", "QA"], season: "fertiliser", vatExempt: true, containerShare: 0.5, bulkMode: "break_bulk", bulkTerminal: "QCONV", sizeTypes: DRY_20, payload20: [25, 27] }),
  commodity({ key: "npk", hs: "3105200000", description: "Engrais NPK 15-15-15", cetBand: 5, cifPerTonne: 300_000, origins: ["MA", "RU", "CN"], season: "fertiliser", vatExempt: true, containerShare: 0.5, bulkMode: "break_bulk", bulkTerminal: "QCONV", sizeTypes: DRY_20, payload20: [25, 27] }),
  // Vehicles, roll-on roll-off.
  commodity({ key: "used_cars", hs: "8703230000", description: "Véhicules de tourisme usagés", cetBand: 20, cifPerTonne: 2_300_000, origins: ["BE", "US", "DE", "NL"], season: "consumer", containerShare: 0, bulkMode: "roro", bulkTerminal: "QCONV", unitTonnes: [1.1, 1.9] }),
  commodity({ key: "used_diesel_cars", hs: "8703320000", description: "Véhicules usagés à moteur diesel", cetBand: 20, cifPerTonne: 2_000_000, origins: ["BE", "DE", "FR", "JP"], season: "consumer", containerShare: 0, bulkMode: "roro", bulkTerminal: "QCONV", unitTonnes: [1.3, 2.2] }),
  // Steel.
  commodity({ key: "rebar", hs: "7214200000", description: "Fers à béton", cetBand: 10, cifPerTonne: 390_000, origins: ["CN", "TR", "UA"], season: "flat", containerShare: 0.6, bulkMode: "break_bulk", bulkTerminal: "QCONV", sizeTypes: DRY_20, payload20: [24, 27] }),
  commodity({ key: "steel_bars", hs: "7214990000", description: "Barres en fer ou en aciers non alliés", cetBand: 10, cifPerTonne: 420_000, origins: ["CN", "TR", "IN"], season: "flat", containerShare: 0.6, bulkMode: "break_bulk", bulkTerminal: "QCONV", sizeTypes: DRY_20, payload20: [24, 27] }),
  // General containerised goods.
  commodity({ key: "sugar", hs: "1701990000", description: "Sucre cristallisé en sacs", cetBand: 10, cifPerTonne: 360_000, origins: ["BR", "TH", "IN"], season: "food", sizeTypes: DRY_20, payload20: [25, 27] }),
  commodity({ key: "palm_oil", hs: "1511900000", description: "Huile de palme raffinée", cetBand: 20, cifPerTonne: 600_000, origins: ["MY", "ID"], season: "food", sizeTypes: TANK, payload20: [20, 22.5] }),
  commodity({ key: "milk_powder", hs: "0402210000", description: "Lait en poudre", cetBand: 5, cifPerTonne: 2_000_000, origins: ["FR", "NL", "IE"], season: "food", payload20: [18, 22], payload40: [20, 24] }),
  commodity({ key: "medicines", hs: "3004900000", description: "Médicaments conditionnés pour la vente au détail", cetBand: 0, cifPerTonne: 12_000_000, origins: ["FR", "IN", "CN"], season: "flat", vatExempt: true, sizeTypes: REEFER, payload20: [6, 12], payload40: [10, 16] }),
  commodity({ key: "tyres", hs: "4011100000", description: "Pneumatiques neufs", cetBand: 20, cifPerTonne: 1_600_000, origins: ["CN", "TH"], season: "consumer", sizeTypes: DRY_40, payload40: [9, 13] }),
  commodity({ key: "wax_prints", hs: "5208520000", description: "Tissus de coton imprimés (wax)", cetBand: 35, cifPerTonne: 3_000_000, origins: ["CN", "NL", "IN"], season: "consumer", sizeTypes: DRY_40, payload40: [12, 18] }),
  commodity({ key: "plastic_ware", hs: "3923300000", description: "Bonbonnes, bouteilles et flacons en plastique", cetBand: 20, cifPerTonne: 1_200_000, origins: ["CN", "TR"], season: "consumer", sizeTypes: DRY_40, payload40: [8, 14] }),
  commodity({ key: "crushers", hs: "8474200000", description: "Concasseurs et broyeurs", cetBand: 5, cifPerTonne: 4_000_000, origins: ["CN", "DE", "IT"], season: "flat", payload20: [12, 20], payload40: [10, 20] }),
  commodity({ key: "tiles", hs: "6907210000", description: "Carreaux céramiques", cetBand: 20, cifPerTonne: 350_000, origins: ["CN", "ES", "IN"], season: "consumer", sizeTypes: DRY_20, payload20: [22, 26] }),
  commodity({ key: "pasta", hs: "1902190000", description: "Pâtes alimentaires", cetBand: 20, cifPerTonne: 700_000, origins: ["TR", "IT"], season: "food", payload20: [18, 22], payload40: [20, 24] }),
  // Exports of the AES countries (§1.4): cotton, sesame, cashew, shea in containers; ores in bulk.
  commodity({ key: "cotton", hs: "5201000000", description: "Coton égrené non cardé ni peigné", cetBand: 0, cifPerTonne: 1_080_000, origins: [], season: "export_crop", sizeTypes: DRY_40, payload40: [22, 25] }),
  commodity({ key: "sesame", hs: "1207400000", description: "Graines de sésame", cetBand: 0, cifPerTonne: 780_000, origins: [], season: "export_crop", payload20: [18, 22], payload40: [24, 26] }),
  commodity({ key: "cashew", hs: "0801310000", description: "Noix de cajou en coques", cetBand: 0, cifPerTonne: 660_000, origins: [], season: "export_crop", sizeTypes: DRY_40, payload40: [22, 25] }),
  commodity({ key: "shea", hs: "1207990000", description: "Amandes de karité", cetBand: 0, cifPerTonne: 240_000, origins: [], season: "export_crop", payload20: [18, 22], payload40: [24, 26] }),
  commodity({ key: "manganese", hs: "2602000000", description: "Minerai de manganèse", cetBand: 0, cifPerTonne: 90_000, origins: [], season: "flat", containerShare: 0, bulkMode: "dry_bulk", bulkTerminal: "QMIN" }),
  commodity({ key: "zinc", hs: "2608000000", description: "Concentré de minerai de zinc", cetBand: 0, cifPerTonne: 480_000, origins: [], season: "flat", containerShare: 0, bulkMode: "dry_bulk", bulkTerminal: "QMIN" }),
];

const BY_KEY: ReadonlyMap<string, Commodity> = new Map(COMMODITIES.map((c) => [c.key, c]));

export function commodityOf(key: string): Commodity {
  const found = BY_KEY.get(key);
  if (!found) throw new Error(`unknown commodity ${key}`);
  return found;
}

export type Mix = readonly (readonly [string, number])[];

/**
 * AES transit imports by tonnage, §1.4 [E]: hydrocarbons 31 % (30–35; gasoil,
 * fuel oil and gasoline split as BF's 2019 values 96/49/64 bn FCFA [S]),
 * clinker/cement 17.5 % (15–20), cereals 12.5 % (10–15), fertiliser 6.5 %
 * (5–8), vehicles 3 % (2–4), steel 5 % (4–6), general containerised 24.5 %
 * (20–25). Percent points.
 */
export const AES_IMPORT_MIX: Mix = [
  ["gasoil", 14.2], ["fuel_oil", 7.2], ["gasoline", 9.6],
  ["clinker", 14.9], ["cement", 2.6],
  ["broken_rice", 5.6], ["milled_rice", 3.1], ["wheat", 3.8],
  ["urea", 2.9], ["npk", 3.6],
  ["used_cars", 1.8], ["used_diesel_cars", 1.2],
  ["rebar", 3], ["steel_bars", 2],
  ["sugar", 6], ["palm_oil", 4.5], ["milk_powder", 1.5], ["medicines", 0.4], ["tyres", 2], ["wax_prints", 1.5],
  ["plastic_ware", 2], ["crushers", 1.5], ["tiles", 3], ["pasta", 2.1],
];

/** Togo home use [E]: more fuel, clinker for the cement grinders and vehicles (Lomé's used-car market) than the hinterland. */
export const TOGO_IMPORT_MIX: Mix = [
  ["gasoil", 17], ["fuel_oil", 6], ["gasoline", 12],
  ["clinker", 20], ["cement", 2],
  ["broken_rice", 5], ["milled_rice", 3], ["wheat", 6],
  ["urea", 1], ["npk", 1],
  ["used_cars", 2.5], ["used_diesel_cars", 1.5],
  ["rebar", 3], ["steel_bars", 2],
  ["sugar", 4.5], ["palm_oil", 3.5], ["milk_powder", 1], ["medicines", 0.3], ["tyres", 1.2], ["wax_prints", 1.5],
  ["plastic_ware", 1.5], ["crushers", 1], ["tiles", 2.5], ["pasta", 1],
];

/**
 * Exports by country [E]: BF's cotton and zinc (§1.4: zinc 90, cotton 78 bn
 * FCFA, mostly via Abidjan), Mali's cotton historically via Lomé, sesame,
 * cashew and shea; Niger's small sesame and shea flows.
 */
export const EXPORT_MIX: Readonly<Record<AesCountry, Mix>> = {
  BF: [["cotton", 40], ["zinc", 20], ["manganese", 10], ["sesame", 15], ["cashew", 8], ["shea", 7]],
  ML: [["cotton", 60], ["sesame", 20], ["shea", 10], ["cashew", 10]],
  NE: [["sesame", 70], ["shea", 30]],
};

/** Commodities that may share a general-cargo declaration as a second item. */
export const GENERAL_GOODS: readonly string[] = ["sugar", "milk_powder", "medicines", "tyres", "wax_prints", "plastic_ware", "crushers", "tiles", "pasta"];

/** Buyers' countries of the export crops and ores [E]. */
export const EXPORT_DESTINATIONS: Readonly<Record<string, readonly string[]>> = {
  cotton: ["CN", "BD", "VN", "TR", "PK"],
  sesame: ["CN", "JP", "TR", "IN"],
  cashew: ["VN", "IN"],
  shea: ["NL", "IN", "GH"],
  manganese: ["CN", "IN"],
  zinc: ["CN", "BE"],
};
