import { defineTexts } from "../i18n/texts";

export const CHART_TEXTS = defineTexts({
  fr: {
    loading: "Chargement du graphique…",
    error: "Les données de ce graphique n'ont pas pu être lues.",
    retry: "Réessayer",
    empty: "Aucune donnée pour cette période et ces filtres.",
    png: "Image (PNG)",
    csv: "Données (CSV)",
    notApplied: "Filtres sans effet sur ce graphique :",
    dim_COUNTRY: "pays",
    dim_ROUTE: "itinéraire",
    dim_HS_SECTION: "section SH",
    dim_DIRECTION: "sens",
    stale: "Hors ligne : dernières données reçues le",
  },
  en: {
    loading: "Loading the chart…",
    error: "This chart's data could not be read.",
    retry: "Retry",
    empty: "No data for this period and these filters.",
    png: "Picture (PNG)",
    csv: "Data (CSV)",
    notApplied: "Filters with no effect on this chart:",
    dim_COUNTRY: "country",
    dim_ROUTE: "route",
    dim_HS_SECTION: "HS section",
    dim_DIRECTION: "direction",
    stale: "Offline: latest data received on",
  },
});
