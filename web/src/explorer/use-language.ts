import { useCallback, useEffect, useState } from "react";
import type { Language } from "../i18n/format";
import { initialLanguage, rememberLanguage } from "../i18n/language-choice";
import { TEXTS } from "./texts";

export function useLanguage(): [Language, (next: Language) => void] {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = TEXTS[language].documentTitle;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    rememberLanguage(next);
  }, []);
  return [language, setLanguage];
}
