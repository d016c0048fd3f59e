/** Quarantine reason codes, fixed by formats.md. */
export const REASONS = {
  MALFORMED: { fr: "Enregistrement illisible", en: "Unreadable record" },
  MISSING_FIELD: { fr: "Champ obligatoire absent", en: "Required field missing" },
  BAD_NUMBER: { fr: "Nombre invalide", en: "Invalid number" },
  BAD_DATE: { fr: "Date ou heure invalide", en: "Invalid date or time" },
  NEGATIVE_QUANTITY: { fr: "Quantité négative", en: "Negative quantity" },
  UNKNOWN_OFFICE: { fr: "Bureau inconnu", en: "Unknown office" },
  BAD_IMO: { fr: "Numéro OMI invalide (chiffre de contrôle)", en: "Invalid IMO number (check digit)" },
  BAD_TIME_ORDER: { fr: "Heures dans le désordre (arrivée ≤ accostage ≤ départ)", en: "Times out of order (arrived ≤ berthed ≤ departed)" },
  UNKNOWN_TERMINAL: { fr: "Terminal inconnu", en: "Unknown terminal" },
  BAD_CHECK_DIGIT: { fr: "Chiffre de contrôle ISO 6346 faux", en: "Wrong ISO 6346 check digit" },
  BAD_UNT_COUNT: { fr: "Nombre de segments UNT faux", en: "Wrong UNT segment count" },
  BAD_UNZ_COUNT: { fr: "Nombre de messages UNZ faux", en: "Wrong UNZ message count" },
  UNKNOWN_SIZE_TYPE: { fr: "Type-taille de conteneur inconnu", en: "Unknown container size-type" },
  UNKNOWN_ROUTE: { fr: "Itinéraire inconnu", en: "Unknown route" },
  MALFORMED_JSON: { fr: "JSON illisible", en: "Malformed JSON" },
  OFFICE_NOT_ON_ROUTE: { fr: "Bureau hors de l'itinéraire du mouvement", en: "Office not on the movement's route" },
  BEFORE_DEPARTURE: { fr: "Heure de plus d'un jour avant le départ du mouvement", en: "Time more than a day before the movement's departure" },
  UNKNOWN_FEE_CODE: { fr: "Code de redevance inconnu", en: "Unknown fee code" },
  UNKNOWN_CURRENCY: { fr: "Devise inconnue", en: "Unknown currency" },
  CREDIT_WITHOUT_REFERENCE: { fr: "Avoir sans facture de référence", en: "Credit note without the invoice it corrects" },
} as const;

export type ReasonCode = keyof typeof REASONS;

export function isReasonCode(value: string): value is ReasonCode {
  return Object.hasOwn(REASONS, value);
}
