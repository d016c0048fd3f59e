import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { formatDate, formatDateTime, formatInteger, formatXof, type Language } from "./format";
import { initialLanguage, rememberLanguage } from "./language-choice";
import { en, fr, type MessageKey } from "./messages";

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { fr, en };

export interface I18n {
  readonly language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey): string;
  integer(value: number): string;
  xof(value: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = DICTIONARIES[language]["app.title"];
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    rememberLanguage(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key) => DICTIONARIES[language][key],
      integer: (v) => formatInteger(v, language),
      xof: (v) => formatXof(v, language),
      date: (iso) => formatDate(iso, language),
      dateTime: (iso) => formatDateTime(iso, language),
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error("useI18n outside LanguageProvider");
  return value;
}
