import { Sparkline } from "../charts/Sparkline";
import { formatChange, formatValue, roundedChange } from "../i18n/format";
import { useI18n } from "../i18n/language";
import { defineTexts, useTexts } from "../i18n/texts";

const TEXTS = defineTexts({
  fr: { vsPrevious: "vs période précédente", vsYearAgo: "vs an passé", gap: "pas de données" },
  en: { vsPrevious: "vs previous period", vsYearAgo: "vs last year", gap: "no data" },
});

export interface KpiFigure {
  readonly label: string;
  readonly unit: string;
  readonly value: number | null;
  readonly previousChange: number | null;
  readonly yearAgoChange: number | null;
  readonly trend: readonly (number | null)[];
  /** For durations a rise is bad news: the change is coloured so. */
  readonly higherIsBetter: boolean;
}

function Change({ change, label, higherIsBetter }: { change: number | null; label: string; higherIsBetter: boolean }) {
  const { language } = useI18n();
  const shown = change === null || !Number.isFinite(change) ? null : roundedChange(change);
  const tone = shown === null || shown === 0 ? "flat" : shown > 0 === higherIsBetter ? "good" : "bad";
  // The arrow and the sign carry the meaning; colour only repeats it.
  const arrow = shown === null ? "" : shown > 0 ? "▲ " : shown < 0 ? "▼ " : "";
  return (
    <span className={`change change-${tone}`}>
      {arrow}
      {formatChange(change, language)} <span className="change-label">{label}</span>
    </span>
  );
}

/** The unit may go under the number on a narrow tile (`86 650 000 FCFA` on a phone); the text itself, copied or read aloud, is unchanged. */
function breakableValue(text: string) {
  const i = text.lastIndexOf("\u00A0");
  if (i < 0) return text;
  return (
    <>
      {text.slice(0, i + 1)}
      <wbr />
      {text.slice(i + 1)}
    </>
  );
}

/** One headline figure: value with its unit, its changes, and a small trend. */
export function KpiTile({ figure, compare }: { figure: KpiFigure; compare: boolean }) {
  const { language } = useI18n();
  const t = useTexts(TEXTS);
  return (
    <div className="kpi">
      <dt>{figure.label}</dt>
      <dd>
        <span className="kpi-value">{figure.value === null ? <span className="muted">{t.gap}</span> : breakableValue(formatValue(figure.value, figure.unit, language))}</span>
        {compare && (
          <span className="kpi-changes">
            <Change change={figure.previousChange} label={t.vsPrevious} higherIsBetter={figure.higherIsBetter} />
            <Change change={figure.yearAgoChange} label={t.vsYearAgo} higherIsBetter={figure.higherIsBetter} />
          </span>
        )}
        <Sparkline values={figure.trend} />
      </dd>
    </div>
  );
}
