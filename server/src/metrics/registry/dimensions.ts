/** The dimensions of the semantic layer: what figures can be split and filtered by. */
export const DIMENSIONS = {
  COUNTRY: { fr: "Pays (BF, ML, NE, TG ; ZZ autres ; vide : non attribué)", en: "Country (BF, ML, NE, TG; ZZ others; empty: unallocated)" },
  DIRECTION: { fr: "Sens : import ou export", en: "Direction: import or export" },
  ROUTE: { fr: "Itinéraire de transit (routes.csv)", en: "Transit route (routes.csv)" },
  BORDER: { fr: "Passage de frontière, bureau de sortie > bureau d'entrée (TGCIN>BFCIN)", en: "Border crossing, exit office > entry office (TGCIN>BFCIN)" },
  OFFICE: { fr: "Bureau de douane", en: "Customs office" },
  HS_SECTION: { fr: "Section du Système harmonisé (I à XXI)", en: "Harmonized System section (I to XXI)" },
  HS_CHAPTER: { fr: "Chapitre SH (deux chiffres)", en: "HS chapter (two digits)" },
  HS_HEADING: { fr: "Position SH (quatre chiffres)", en: "HS heading (four digits)" },
  CARGO_TYPE: { fr: "Type de marchandise : container, bulk, liquid_bulk, vehicles, general", en: "Cargo type: container, bulk, liquid_bulk, vehicles, general" },
  TERMINAL: { fr: "Terminal ou quai du port", en: "Port terminal or quay" },
  CONSIGNEE: { fr: "Destinataire (code)", en: "Consignee (code)" },
  TAX_CODE: { fr: "Code de taxe douanière", en: "Customs tax code" },
  FEE_CODE: { fr: "Code de redevance portuaire", en: "Port fee code" },
  MOVE: { fr: "Mouvement au quai : DISCHARGE ou LOAD", en: "Quay move: DISCHARGE or LOAD" },
  TRADE: { fr: "Trafic : import, export ou transshipment", en: "Trade: import, export or transshipment" },
} as const;

export type DimensionId = keyof typeof DIMENSIONS;

export const DIMENSION_IDS = Object.keys(DIMENSIONS) as DimensionId[];

/** AES countries and Togo keep their code; other codes group as ZZ; '' stays (unallocated, unknown). */
export function countryExpression(column: string): string {
  return `if(${column} IN ('BF', 'ML', 'NE', 'TG', ''), toString(${column}), 'ZZ')`;
}
