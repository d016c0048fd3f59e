import { Suspense, useId } from "react";
import { useQuery } from "../../api/use-query";
import { navigate, usePlace } from "../../app/navigation";
import { useFilters } from "../../app/use-filters";
import { chartStateOf } from "../../charts/chart-state";
import { ChartCard } from "../../charts/ChartCard";
import { PortDwellHistogramDocument } from "../../gql/graphql";
import { formatInteger, formatValue } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { policyNotApplied } from "../revenue/parts";
import { useScope } from "../revenue/use-scope";
import { BIN_CHOICES, binHoursFromParams, histogramBars, MAX_HOURS, modalBar, terminalFromParams, writeHistogramChoice } from "./histogram";
import { DwellHistogram } from "./lazy";
import { PORT_TEXTS } from "./texts";

/** Containers per band of dwell (Query.portDwellHistogram), for the whole port or one terminal, in bands the reader picks. */
export function DwellHistogramCard({ when }: { when: string }) {
  const { language } = useI18n();
  const t = useTexts(PORT_TEXTS);
  const [filters] = useFilters();
  const place = usePlace();
  const scope = useScope();
  const id = useId();
  const binHours = binHoursFromParams(place.params);
  const terminal = terminalFromParams(place.params);
  // The histogram takes countries and terminals; a scoped user may ask for its own country, or none (the whole port).
  const narrowed = scope !== null && filters.countries.length > 0 && !(filters.countries.length === 1 && filters.countries[0] === scope);
  const countries = narrowed ? [scope] : filters.countries.length ? [...filters.countries] : null;
  const notApplied = policyNotApplied(filters);
  const answer = useQuery(PortDwellHistogramDocument, { period: { from: filters.from, to: filters.to }, countries, terminals: terminal ? [terminal] : null, binHours, maxHours: MAX_HOURS });
  const data = answer.status === "success" || answer.status === "stale" ? answer.data : null;
  const shaped = data ? histogramBars(data.portDwellHistogram, language) : { bars: [], hiddenFrom: null };
  const containerTerminals = (data?.terminals ?? []).filter((x) => x.cargo === "container" || x.code === terminal);
  // The chosen terminal stays an option while the list loads, so the choice read from the address shows at once.
  if (terminal && !containerTerminals.some((x) => x.code === terminal)) containerTerminals.push({ code: terminal, nameFr: terminal, nameEn: terminal, cargo: "" });
  const state = chartStateOf(answer, data !== null && data.portDwellHistogram.containers > 0, t.histogramEmpty);
  const terminalName = terminal ? ((data?.terminals ?? []).find((x) => x.code === terminal)?.[language === "fr" ? "nameFr" : "nameEn"] ?? terminal) : t.wholePort;
  const mode = modalBar(shaped.bars);
  const total = data?.portDwellHistogram.containers ?? 0;
  const choose = (next: { binHours?: number; terminal?: string | null }) =>
    navigate(window.location.pathname, writeHistogramChoice({ binHours: next.binHours ?? binHours, terminal: next.terminal === undefined ? terminal : next.terminal }, new URLSearchParams(window.location.search)));
  const subtitle = `${t.histogramSubtitle.replace("{b}", formatInteger(binHours, language))}${narrowed && scope ? ` — ${t.histogramScope.replaceAll("{c}", scope)}` : ""}${shaped.hiddenFrom !== null ? ` — ${t.histogramHidden.replace("{h}", formatInteger(shaped.hiddenFrom, language))}` : ""}`;
  return (
    <div className="wide histogram-block">
      <form className="histogram-controls" aria-label={t.histogramTitle} onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-terminal`}>{t.terminalChoice}</label>
        <select id={`${id}-terminal`} name="terminal" value={terminal ?? ""} onChange={(e) => choose({ terminal: e.target.value || null })}>
          <option value="">{t.wholePort}</option>
          {containerTerminals.map((x) => (
            <option key={x.code} value={x.code}>
              {language === "fr" ? x.nameFr : x.nameEn}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-bin`}>{t.binChoice}</label>
        <select id={`${id}-bin`} name="bin-hours" value={binHours} onChange={(e) => choose({ binHours: Number(e.target.value) })}>
          {BIN_CHOICES.map((b) => (
            <option key={b} value={b}>
              {t.binOption.replace("{b}", String(b))}
            </option>
          ))}
        </select>
      </form>
      <ChartCard
        title={`${t.histogramTitle} — ${terminalName} — ${when}`}
        subtitle={subtitle}
        state={state}
        notApplied={notApplied}
        summary={`${t.histogramSummary.replace("{n}", formatInteger(total, language))} ${shaped.bars
          .filter((b) => b.containers > 0)
          .map((b) => `${b.label}${language === "fr" ? " :" : ":"} ${formatValue(b.containers, "CONTAINERS", language)}`)
          .join(", ")}.${mode ? ` ${t.histogramMode} ${mode.label}.` : ""}`}
        csv={() => ({
          header: ["from_hours", "to_hours", t.containers],
          rows: [...(data?.portDwellHistogram.bins ?? []).map((b) => [b.fromHours, b.toHours, b.containers] as (number | null)[]), ...(data && data.portDwellHistogram.overflow > 0 ? [[MAX_HOURS, null, data.portDwellHistogram.overflow]] : [])],
        })}
      >
        <Suspense fallback={<div className="chart-placeholder" />}>
          <DwellHistogram data={shaped.bars} seriesLabel={t.containers} />
        </Suspense>
      </ChartCard>
    </div>
  );
}
