import type { Unit } from "./measures.js";

/** Unit names as the API descriptions, the CSV headers and the docs write them. */
export const UNIT_TEXT: Readonly<Record<Unit, { readonly fr: string; readonly en: string }>> = {
  tonnes: { fr: "tonnes", en: "tonnes" },
  teu: { fr: "EVP", en: "TEU" },
  containers: { fr: "conteneurs", en: "containers" },
  declarations: { fr: "déclarations", en: "declarations" },
  trucks: { fr: "camions", en: "trucks" },
  calls: { fr: "escales", en: "calls" },
  xof: { fr: "FCFA", en: "XOF" },
  hours: { fr: "heures", en: "hours" },
  ratio: { fr: "rapport", en: "ratio" },
};

