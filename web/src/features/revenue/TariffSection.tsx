import { Suspense, useId, useMemo, useState } from "react";
import { ApiError } from "../../api/graphql-client";
import { useQuery } from "../../api/use-query";
import { navigate, usePlace } from "../../app/navigation";
import { useFilters } from "../../app/use-filters";
import { chartStateOf } from "../../charts/chart-state";
import { ChartCard } from "../../charts/ChartCard";
import { CategoryBars } from "../../charts/lazy-charts";
import { TariffScenarioDocument } from "../../gql/graphql";
import { formatInteger, formatValue } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { messageIn } from "../../i18n/server-text";
import { NotApplied, policyNotApplied } from "./parts";
import { checkDraft, draftOf, scenarioFromParams, scenarioVariables, writeScenario, type DraftError, type Scenario, type ScenarioDraft } from "./scenario";
import { scopedCountries } from "./scope";
import { formatRate, scenarioByCountry, scenarioTableRows } from "./shape";
import { TableCard } from "../../components/TableCard";
import { REVENUE_TEXTS } from "./texts";
import { useScope } from "./use-scope";

/**
 * The common-external-tariff what-if: bands moved and chapter rates, typed in
 * %, run when submitted; the submitted scenario lives in the address so a
 * link reproduces it.
 */
export function TariffSection({ when }: { when: string }) {
  const t = useTexts(REVENUE_TEXTS);
  const [filters] = useFilters();
  const place = usePlace();
  const scope = useScope();
  const scenario = useMemo(() => scenarioFromParams(place.params), [place.params]);
  const formKey = writeScenario(scenario, new URLSearchParams()).toString();
  const countries = scopedCountries(filters.countries, scope);
  const notApplied = policyNotApplied(filters);
  const submit = (next: Scenario | null) => navigate(window.location.pathname, writeScenario(next, new URLSearchParams(window.location.search)));
  return (
    <section className="policy-section" aria-labelledby="tariff-heading">
      <div className="policy-intro">
        <h2 id="tariff-heading">{t.tariffHeading}</h2>
        <p>{t.tariffIntro}</p>
        {scope && (
          <p className="scope-tariff" role="note">
            {t.scopeTariff.replaceAll("{c}", scope)}
          </p>
        )}
        <TariffForm key={formKey} scenario={scenario} onSubmit={submit} />
        {notApplied.length > 0 && <NotApplied dimensions={notApplied} label={t.policyNotApplied} />}
      </div>
      {scenario === null ? <p className="chart-note not-run">{t.notRun}</p> : <TariffResults scenario={scenario} countries={countries.countries} when={when} />}
    </section>
  );
}

function TariffForm({ scenario, onSubmit }: { scenario: Scenario | null; onSubmit: (scenario: Scenario | null) => void }) {
  const { language } = useI18n();
  const t = useTexts(REVENUE_TEXTS);
  const id = useId();
  const [draft, setDraft] = useState<ScenarioDraft>(() => draftOf(scenario, language));
  const [errors, setErrors] = useState<DraftError[]>([]);
  const errorOf = (list: DraftError["list"], row: number, field: DraftError["field"]) => errors.find((e) => e.list === list && e.row === row && e.field === field);
  const message = (e: DraftError | undefined) => (e ? (t as Record<string, string>)[`err_${e.code}`] : undefined);
  const setBand = (row: number, field: "from" | "to", value: string) => setDraft((d) => ({ ...d, bands: d.bands.map((b, i) => (i === row ? { ...b, [field]: value } : b)) }));
  const setChapter = (row: number, field: "chapter" | "rate", value: string) => setDraft((d) => ({ ...d, chapters: d.chapters.map((c, i) => (i === row ? { ...c, [field]: value } : c)) }));
  const field = (list: "bands" | "chapters", row: number, name: "from" | "to" | "chapter" | "rate", label: string, value: string, onChange: (v: string) => void, extra: { inputMode: "decimal" | "numeric"; maxLength?: number }) => {
    const error = errorOf(list, row, name);
    const inputId = `${id}-${list}-${row}-${name}`;
    return (
      <div className="scenario-field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          name={`${list === "bands" ? "band" : "chapter"}-${row}-${name}`}
          inputMode={extra.inputMode}
          maxLength={extra.maxLength}
          autoComplete="off"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {error && (
          <span id={`${inputId}-error`} className="field-error">
            {message(error)}
          </span>
        )}
      </div>
    );
  };
  const formError = errors.find((e) => e.list === "form" || e.field === null);
  return (
    <form
      className="scenario-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const checked = checkDraft(draft);
        setErrors(checked.errors);
        if (checked.scenario) onSubmit(checked.scenario);
      }}
    >
      <fieldset>
        <legend>{t.bandsLegend}</legend>
        {draft.bands.map((band, row) => (
          <div className="scenario-row" key={row} data-band={row}>
            <span className="row-label">
              {t.band} {row + 1}
            </span>
            {field("bands", row, "from", t.fromRate, band.from, (v) => setBand(row, "from", v), { inputMode: "decimal" })}
            <span className="arrow" aria-hidden="true">
              →
            </span>
            {field("bands", row, "to", t.toRate, band.to, (v) => setBand(row, "to", v), { inputMode: "decimal" })}
            <button type="button" className="remove" aria-label={`${t.removeBand} ${row + 1}`} onClick={() => setDraft((d) => ({ ...d, bands: d.bands.filter((_, i) => i !== row) }))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="add" onClick={() => setDraft((d) => ({ ...d, bands: [...d.bands, { from: "", to: "" }] }))}>
          + {t.addBand}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t.chaptersLegend}</legend>
        {draft.chapters.map((chapter, row) => (
          <div className="scenario-row" key={row} data-chapter={row}>
            {field("chapters", row, "chapter", t.chapterLabel, chapter.chapter, (v) => setChapter(row, "chapter", v), { inputMode: "numeric", maxLength: 2 })}
            {field("chapters", row, "rate", t.chapterRate, chapter.rate, (v) => setChapter(row, "rate", v), { inputMode: "decimal" })}
            <button type="button" className="remove" aria-label={`${t.removeChapter} ${row + 1}`} onClick={() => setDraft((d) => ({ ...d, chapters: d.chapters.filter((_, i) => i !== row) }))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="add" onClick={() => setDraft((d) => ({ ...d, chapters: [...d.chapters, { chapter: "", rate: "" }] }))}>
          + {t.addChapter}
        </button>
      </fieldset>
      <label className="check">
        <input type="checkbox" name="recompute-vat" checked={draft.recomputeVat} onChange={(e) => setDraft((d) => ({ ...d, recomputeVat: e.target.checked }))} />
        {t.recomputeVat}
      </label>
      {errors.length > 0 && (
        <p className="field-error" role="alert">
          {formError ? message(formError) : t.formErrors}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          {t.run}
        </button>
        <button
          type="button"
          onClick={() => {
            setErrors([]);
            setDraft(draftOf(null, language));
            onSubmit(null);
          }}
        >
          {t.clear}
        </button>
      </div>
    </form>
  );
}

function TariffResults({ scenario, countries, when }: { scenario: Scenario; countries: string[] | null; when: string }) {
  const { language } = useI18n();
  const t = useTexts(REVENUE_TEXTS);
  const [filters] = useFilters();
  const answer = useQuery(TariffScenarioDocument, { period: { from: filters.from, to: filters.to }, ...scenarioVariables(scenario), countries });
  const data = answer.status === "success" || answer.status === "stale" ? answer.data : null;
  const names = new Map((data?.countries ?? []).map((c) => [c.code, language === "fr" ? c.nameFr : c.nameEn]));
  const chapters = new Map((data?.hsChapters ?? []).map((c) => [c.chapter, language === "fr" ? c.nameFr : c.nameEn]));
  const nameOf = (code: string) => names.get(code) ?? (code === "" ? t.unallocated : code);
  const rows = data ? scenarioTableRows(data.tariffScenario.rows) : [];
  const byCountry = data ? scenarioByCountry(data.tariffScenario.rows, nameOf) : [];
  const refused = answer.status === "error" && answer.error instanceof ApiError && (answer.error.code === "BAD_USER_INPUT" || answer.error.code === "FORBIDDEN") ? answer.error : null;
  const state = chartStateOf(answer, rows.length > 0, t.emptyTariff);
  const xof = (v: number) => formatValue(v, "XOF", language);
  const changes = [
    ...scenario.bands.map((b) => `${formatRate(b.fromPercent, language)} → ${formatRate(b.toPercent, language)}`),
    ...scenario.chapters.map((c) => `${t.chapter} ${c.chapter} → ${formatRate(c.percent, language)}`),
  ];
  // A long scenario is named by its first changes; the table and the CSV carry the figures.
  const described = changes.length > 3 ? `${changes.slice(0, 3).join(", ")} (+${changes.length - 3})` : changes.join(", ");
  const title = `${t.tariffTitle} — ${t.scenarioFor} ${described} — ${when}`;
  const csv = () => ({
    header: ["country", "hs_chapter", t.chapter, t.lines, t.base, t.currentDuty, t.scenarioDuty, t.dutyChange, t.vatEffect, t.totalChange],
    rows: rows.map((r) => [r.country, r.hsChapter, chapters.get(r.hsChapter) ?? "", `${r.changedLines}/${r.lines}`, r.baseXof, r.currentDutyXof, r.scenarioDutyXof, r.dutyChangeXof, r.vatEffectXof, r.totalChangeXof]),
  });
  return (
    <div className="chart-grid tariff-results" aria-live="polite">
      {refused && (
        <p role="alert" className="notice-error wide">
          {t.apiRefused} {messageIn(refused.message, language)}
        </p>
      )}
      <ChartCard
        className="wide"
        title={title}
        subtitle={`${t.tariffSubtitle}${data && !data.tariffScenario.recomputeVat ? ` — ${t.vatKept}` : ""}`}
        state={state}
        summary={`${t.tariffSummary} ${byCountry.map((c) => `${c.label} ${xof(c.totalChange)} (${t.dutyChange} ${xof(c.dutyChange)}, ${t.vatEffect} ${xof(c.vatEffect)})`).join(", ")}.`}
        csv={csv}
      >
        <Suspense fallback={<div className="chart-placeholder" />}>
          <CategoryBars
            data={byCountry}
            series={[
              { key: "dutyChange", label: t.dutyChange },
              { key: "vatEffect", label: t.vatEffect },
              { key: "totalChange", label: t.totalChange },
            ]}
            unit="XOF"
          />
        </Suspense>
      </ChartCard>
      {data && rows.length > 0 && (
        <TableCard id="tariff-table-title" title={title} level={3} downloadLabel={t.csv} csv={csv}>
          <table className="figures" data-table="tariff">
            <caption>{t.tableTariffCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.country}</th>
                <th scope="col">{t.chapter}</th>
                <th scope="col" className="num secondary">
                  {t.lines}
                </th>
                <th scope="col" className="num secondary">
                  {t.base}
                </th>
                <th scope="col" className="num">
                  {t.currentDuty}
                </th>
                <th scope="col" className="num">
                  {t.scenarioDuty}
                </th>
                <th scope="col" className="num">
                  {t.dutyChange}
                </th>
                <th scope="col" className="num">
                  {t.vatEffect}
                </th>
                <th scope="col" className="num">
                  {t.totalChange}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.country}-${r.hsChapter}`} data-country={r.country} data-chapter={r.hsChapter}>
                  <th scope="row">{nameOf(r.country)}</th>
                  <td>
                    <span className="code">{r.hsChapter}</span> {chapters.get(r.hsChapter) ?? ""}
                  </td>
                  <td className="num secondary" data-field="lines">
                    {formatInteger(r.lines, language)} ({formatInteger(r.changedLines, language)})
                  </td>
                  <td className="num secondary" data-field="baseXof">
                    {xof(r.baseXof)}
                  </td>
                  <td className="num" data-field="currentDutyXof">
                    {xof(r.currentDutyXof)}
                  </td>
                  <td className="num" data-field="scenarioDutyXof">
                    {xof(r.scenarioDutyXof)}
                  </td>
                  <td className="num" data-field="dutyChangeXof">
                    {xof(r.dutyChangeXof)}
                  </td>
                  <td className="num" data-field="vatEffectXof">
                    {xof(r.vatEffectXof)}
                  </td>
                  <td className="num" data-field="totalChangeXof">
                    {xof(r.totalChangeXof)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-total="tariff">
                <th scope="row" colSpan={2}>
                  {t.total}
                </th>
                <td className="num secondary" data-field="lines">
                  {formatInteger(data.tariffScenario.totals.lines, language)} ({formatInteger(data.tariffScenario.totals.changedLines, language)})
                </td>
                <td className="num secondary" data-field="baseXof">
                  {xof(data.tariffScenario.totals.baseXof)}
                </td>
                <td className="num" data-field="currentDutyXof">
                  {xof(data.tariffScenario.totals.currentDutyXof)}
                </td>
                <td className="num" data-field="scenarioDutyXof">
                  {xof(data.tariffScenario.totals.scenarioDutyXof)}
                </td>
                <td className="num" data-field="dutyChangeXof">
                  {xof(data.tariffScenario.totals.dutyChangeXof)}
                </td>
                <td className="num" data-field="vatEffectXof">
                  {xof(data.tariffScenario.totals.vatEffectXof)}
                </td>
                <td className="num" data-field="totalChangeXof">
                  {xof(data.tariffScenario.totals.totalChangeXof)}
                </td>
              </tr>
            </tfoot>
          </table>
        </TableCard>
      )}
    </div>
  );
}
