import { useI18n } from "./language";

/**
 * A page's own texts, French and English side by side, so a page and its
 * words live in one folder (web/src/features/<page>/texts.ts) and adding a
 * page never edits a shared dictionary. English must have every French key.
 */
export function defineTexts<K extends string>(texts: { fr: Record<K, string>; en: Record<K, string> }): { fr: Record<K, string>; en: Record<K, string> } {
  return texts;
}

export function useTexts<K extends string>(texts: { fr: Record<K, string>; en: Record<K, string> }): Record<K, string> {
  return texts[useI18n().language];
}
