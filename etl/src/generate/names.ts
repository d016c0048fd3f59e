/**
 * Names the feeds carry: ships, lines, consignees, hauliers and foreign
 * buyers. All invented; French names keep their accents so that every
 * encoding path of the ETL (UTF-8, Windows-1252, ISO-8859-1, EDIFACT UNOC) is
 * exercised. Every character is in Latin-1.
 */
import type { Random } from "./random.js";

/** Ship names are built from a first and a second word; a few carry accents or commas, as real registers do. */
const SHIP_FIRST = [
  "HORIZON", "GRANDE", "STELLA", "ATLANTIC", "SAHEL", "GOLFE", "NIGER", "VOLTA", "MONO", "CAPE", "AFRICA", "OCEAN", "NOTRE-DAME",
  "SÃO", "CÔTE", "MARE", "BENGUELA", "LAGOS", "TEMA", "ABIDJAN", "DAKAR", "KRIBI", "ELBE", "SCHELDE", "TAGUS", "LOIRE",
];
const SHIP_SECOND = [
  "ATLANTIQUE", "DAKAR", "EXPRESS", "TRADER", "PIONEER", "SPIRIT", "STAR", "BRIDGE", "CARRIER", "FORTUNE", "HARMONY", "VOYAGER",
  "DE LOMÉ", "TOMÉ", "D'IVOIRE", "NOSTRUM", "CURRENT", "BAY", "RIVER", "SUN", "WIND", "PROGRESS", "LEGEND", "GLORY",
];

export function shipName(rng: Random): string {
  const name = `${rng.pick(SHIP_FIRST)} ${rng.pick(SHIP_SECOND)}`;
  return rng.chance(0.04) ? `${name}, II` : name;
}

/** Line codes of the TDT carrier element (SMDG style) [E]. */
export const CARRIERS = ["MSC", "MAE", "CMA", "COS", "HLC", "ONE", "GDL", "SAF", "PIL", "EMC"];

const CONSIGNEES: Readonly<Record<string, readonly string[]>> = {
  BF: [
    "Société Générale d'Import-Export du Faso", "Établissements Zongo & Frères", "Comptoir Faso Céréales", "Hydrocarbures du Kadiogo SA",
    "Ciments du Houet", "Société Burkinabè d'Engrais et Intrants", "Établissements Ouédraogo Kassoum & Fils", "Faso Aciers Industries",
    "Dépôt Pharmaceutique du Sahel", "Société Sahélienne de Distribution", "Auto-Import Ouaga 2000", "Moulins du Mouhoun",
  ],
  NE: [
    "Société Nigérienne des Tôles", "Établissements Hamani & Fils", "Nigérienne des Hydrocarbures du Fleuve", "Comptoir Nigérien des Céréales",
    "Ciments de l'Aïr", "Société Zinder Import-Export", "Dépôt Pharmaceutique du Ténéré", "Établissements Maïga Négoce",
  ],
  ML: [
    "Comptoir Malien du Pneu", "Société Malienne d'Import-Export", "Établissements Traoré & Frères", "Huilerie de Sikasso",
    "Céréales du Mandé", "Sahel Hydrocarbures Bamako", "Ciments du Wassoulou", "Société Kéné Distribution",
  ],
  TG: [
    "Société Togolaise de Distribution Générale", "Établissements Agbéko & Fils", "Lomé Céréales Négoce", "Ciments du Golfe",
    "Hydrocarbures de la Côte", "Pharmacie Nouvelle du Littoral", "Auto-Import Bè-Kpota", "Aciéries de Kpémé", "Société Kara Engrais",
    "Comptoir du Grand Marché d'Adawlato", "Établissements Tchédré & Cie",
  ],
};

/** A consignee of a country and its code (country + 7 digits, stable per name). */
export function consignee(country: string, rng: Random): { code: string; name: string } {
  const names = CONSIGNEES[country] ?? CONSIGNEES.TG ?? [];
  const index = rng.int(names.length);
  return { code: `${country}${String(1_000 + index * 7_919).padStart(7, "0")}`, name: names[index] as string };
}

const BUYERS: Readonly<Record<string, readonly string[]>> = {
  CN: ["Qingdao Fibres Co.", "Nantong Cotton Trading Co.", "Liaoning Minerals Import Co."],
  BD: ["Dhaka Spinning Mills Ltd"],
  VN: ["Hanoi Cashew Processing JSC", "Saigon Cotton Yarn JSC"],
  TR: ["Izmir Pamuk Ticaret A.S.", "Gaziantep Susam Gida"],
  PK: ["Faisalabad Textile Mills"],
  JP: ["Osaka Sesame Trading K.K."],
  IN: ["Mumbai Agro Commodities Pvt Ltd", "Kolkata Metals Import"],
  NL: ["Rotterdam Shea Butter B.V."],
  GH: ["Tamale Shea Processing Ltd"],
  BE: ["Antwerpen Non-Ferro N.V."],
};

export function buyer(country: string, rng: Random): { code: string; name: string } {
  const names = BUYERS[country] ?? ["Global Commodities Trading Ltd"];
  const index = rng.int(names.length);
  return { code: `${country}${String(1 + index).padStart(7, "0")}`, name: names[index] as string };
}

const HAULIERS: Readonly<Record<string, readonly string[]>> = {
  TG: ["Trans-Maritime Lomé", "D'ALMEIDA TRANSPORT", "Togolaise de Transit et Transport", "Transports Adjovi & Fils"],
  BF: ["Transports Zongo + Fils", "Compagnie Burkinabè de Fret", "Transports Ouédraogo & Cie", "Groupe Kaboré Transports"],
  NE: ["Société Nigérienne de Transport", "Sahel Logistique Niamey", "Transports Issoufou Frères"],
  ML: ["TRAORE ET FILS SA", "Société Malienne de Camionnage", "Transports Diarra & Frères"],
};

export function haulier(country: string, rng: Random): string {
  return rng.pick(HAULIERS[country] ?? HAULIERS.TG ?? []);
}
