import type { Language } from "./format";

// Where the chosen language lives, shared by the dashboard and the query explorer:
// the link (?lang=en) first, then the last choice kept in this browser, else French.
const STORAGE_KEY = "corridor.language";

export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get("lang");
  if (fromUrl === "fr" || fromUrl === "en") return fromUrl;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === "fr" || stored === "en") return stored;
  } catch {
    // Storage can be disabled; French it is.
  }
  return "fr";
}

/** Keeps the choice for later visits and in the address, so a shared link opens in the same language. */
export function rememberLanguage(next: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered: the choice still holds for this visit.
  }
  const url = new URL(window.location.href);
  url.searchParams.set("lang", next);
  window.history.replaceState(null, "", url);
}
