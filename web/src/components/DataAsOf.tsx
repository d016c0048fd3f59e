import { useI18n } from "../i18n/language";
import { defineTexts, useTexts } from "../i18n/texts";

const TEXTS = defineTexts({
  fr: { label: "Données au", never: "jamais chargé", VESSEL_CALLS: "escales", CONTAINER_EVENTS: "conteneurs", CUSTOMS_DECLARATIONS: "déclarations", TRANSIT_MOVEMENTS: "transit", PORT_INVOICES: "factures" },
  en: { label: "Data as of", never: "never loaded", VESSEL_CALLS: "vessel calls", CONTAINER_EVENTS: "containers", CUSTOMS_DECLARATIONS: "declarations", TRANSIT_MOVEMENTS: "transit", PORT_INVOICES: "invoices" },
});

/** How fresh the figures are: the latest event loaded per feed, as every answer of the API says. */
export function DataAsOf({ feeds }: { feeds: readonly { feed: string; lastEventAt: string | null }[] }) {
  const { date } = useI18n();
  const t = useTexts(TEXTS);
  return (
    <p className="data-as-of">
      <strong>{t.label}</strong>{" "}
      {feeds.map((f, i) => (
        <span key={f.feed}>
          {i > 0 && " · "}
          {(t as Record<string, string>)[f.feed] ?? f.feed} {f.lastEventAt ? date(f.lastEventAt) : t.never}
        </span>
      ))}
    </p>
  );
}
