import type { Language } from "../i18n/format";

/** The explorer's own text; GraphiQL's interface stays as it ships (English). */
export const TEXTS = {
  fr: {
    title: "Explorateur de requêtes",
    documentTitle: "Explorateur de requêtes · Observatoire du corridor Lomé–AES",
    subtitle: "L'API GraphQL de l'Observatoire : exemples, documentation du schéma, complétion",
    back: "Tableau de bord",
    language: "Langue",
    switchTo: "English",
    examples: "Exemples",
    examplesPlaceholder: "Ouvrir un exemple…",
    signedInAs: "Connecté :",
    noticeTitle: "Vous n'êtes pas connecté",
    noticeSchema: "La documentation du schéma reste consultable, mais l'API refusera les requêtes de données.",
    noticeSignInBefore: "Connectez-vous d'abord sur le ",
    noticeSignInLink: "tableau de bord",
    noticeSignInAfter: ", puis revenez sur cette page.",
    noticeKey: "Ou mettez une clé d'API dans l'onglet « Headers » de GraphiQL, sous l'éditeur de requête :",
    loading: "Chargement de l'explorateur…",
  },
  en: {
    title: "Query explorer",
    documentTitle: "Query explorer · Lomé–AES Corridor Observatory",
    subtitle: "The Observatory's GraphQL API: examples, schema documentation, completion",
    back: "Dashboard",
    language: "Language",
    switchTo: "Français",
    examples: "Examples",
    examplesPlaceholder: "Open an example…",
    signedInAs: "Signed in:",
    noticeTitle: "You are not signed in",
    noticeSchema: "The schema documentation can still be browsed, but the API will refuse data queries.",
    noticeSignInBefore: "Sign in on the ",
    noticeSignInLink: "dashboard",
    noticeSignInAfter: " first, then come back to this page.",
    noticeKey: "Or put an API key in GraphiQL's “Headers” tab, below the query editor:",
    loading: "Loading the explorer…",
  },
} as const satisfies Record<Language, Record<string, string>>;

/** How an API key goes into GraphiQL's Headers tab. */
export const HEADERS_EXAMPLE = '{"Authorization": "Bearer ck_…"}';
