import { Suspense, useId, useState } from "react";
import { useQuery } from "../../api/use-query";
import { navigate, usePlace } from "../../app/navigation";
import { useFilters } from "../../app/use-filters";
import { chartStateOf } from "../../charts/chart-state";
import { ChartCard } from "../../charts/ChartCard";
import { CategoryBars } from "../../charts/lazy-charts";
import { GuaranteeSavingsDocument } from "../../gql/graphql";
import { formatBucket, formatInteger, formatValue } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { NotApplied, policyNotApplied } from "./parts";
import { checkGuaranteePercent, guaranteePercentFromParams, percentText, percentToFraction, writeGuaranteePercent } from "./scenario";
import { formatRate, formatShare, guaranteeByCountry, guaranteeTableRows } from "./shape";
import { TableCard } from "../../components/TableCard";
import { REVENUE_TEXTS } from "./texts";

/** The single transit guarantee: what traders pay today against one guarantee for the trip, by country and month. */
export function GuaranteeSection({ when }: { when: string }) {
  const { language } = useI18n();
  const t = useTexts(REVENUE_TEXTS);
  const [filters] = useFilters();
  const place = usePlace();
  const percent = guaranteePercentFromParams(place.params);
  const answer = useQuery(GuaranteeSavingsDocument, { period: { from: filters.from, to: filters.to }, rate: percentToFraction(percent), countries: filters.countries.length ? [...filters.countries] : null });
  const data = answer.status === "success" || answer.status === "stale" ? answer.data : null;
  const names = new Map((data?.countries ?? []).map((c) => [c.code, language === "fr" ? c.nameFr : c.nameEn]));
  const nameOf = (code: string) => names.get(code) ?? (code === "" ? t.unallocated : code);
  const byCountry = data ? guaranteeByCountry(data.guaranteeSavings.rows, nameOf) : [];
  const rows = data ? guaranteeTableRows(data.guaranteeSavings.rows) : [];
  const hasFigures = rows.some((r) => r.declarations !== null);
  const state = chartStateOf(answer, hasFigures, t.emptyGuarantee);
  const xof = (v: number | null) => formatValue(v, "XOF", language);
  const title = `${t.guaranteeTitle} — ${when}`;
  const notApplied = policyNotApplied(filters);
  const csv = () => ({
    header: ["country", "month", t.declarations, t.guarantees, t.cif, t.current, t.single, t.saving, t.share],
    rows: rows.map((r) => [r.country, r.month, r.declarations, r.guarantees, r.cifXof, r.currentGuaranteesXof, r.singleGuaranteeXof, r.savingXof, r.savingShare]),
  });
  return (
    <section className="policy-section" aria-labelledby="guarantee-heading">
      <div className="policy-intro">
        <h2 id="guarantee-heading">{t.guaranteeHeading}</h2>
        <p>{t.guaranteeIntro}</p>
        <RateForm key={percent} percent={percent} />
        {notApplied.length > 0 && <NotApplied dimensions={notApplied} label={t.policyNotApplied} />}
      </div>
      <div className="chart-grid">
        <ChartCard
          className="wide"
          title={title}
          subtitle={t.guaranteeSubtitle.replace("{r}", formatRate(percent, language))}
          state={state}
          summary={`${t.guaranteeSummary} ${byCountry.map((c) => `${c.label} ${xof(c.saving)} (${t.current} ${xof(c.current)}, ${t.single} ${xof(c.single)})`).join(", ")}.`}
          csv={csv}
        >
          <Suspense fallback={<div className="chart-placeholder" />}>
            <CategoryBars
              data={byCountry}
              series={[
                { key: "current", label: t.current },
                { key: "single", label: t.single },
                { key: "saving", label: t.saving },
              ]}
              unit="XOF"
            />
          </Suspense>
        </ChartCard>
        {data && hasFigures && (
          <TableCard id="guarantee-table-title" title={title} level={3} downloadLabel={t.csv} csv={csv}>
            <table className="figures" data-table="guarantee">
              <caption>{t.tableGuaranteeCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.country}</th>
                  <th scope="col">{t.month}</th>
                  <th scope="col" className="num">
                    {t.declarations}
                  </th>
                  <th scope="col" className="num">
                    {t.current}
                  </th>
                  <th scope="col" className="num">
                    {t.single}
                  </th>
                  <th scope="col" className="num">
                    {t.saving}
                  </th>
                  <th scope="col" className="num">
                    {t.share}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.country}-${r.month}`} data-country={r.country} data-month={r.month}>
                    <th scope="row">{nameOf(r.country)}</th>
                    <td>{formatBucket(r.month, "MONTH", language)}</td>
                    <td className="num" data-field="declarations">
                      {r.declarations === null ? "—" : formatInteger(r.declarations, language)}
                    </td>
                    <td className="num" data-field="currentGuaranteesXof">
                      {xof(r.currentGuaranteesXof)}
                    </td>
                    <td className="num" data-field="singleGuaranteeXof">
                      {xof(r.singleGuaranteeXof)}
                    </td>
                    <td className="num" data-field="savingXof">
                      {xof(r.savingXof)}
                    </td>
                    <td className="num" data-field="savingShare">
                      {formatShare(r.savingShare, language)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-total="guarantee">
                  <th scope="row" colSpan={2}>
                    {t.total}
                  </th>
                  <td className="num" data-field="declarations">
                    {formatInteger(data.guaranteeSavings.totals.declarations, language)}
                  </td>
                  <td className="num" data-field="currentGuaranteesXof">
                    {xof(data.guaranteeSavings.totals.currentGuaranteesXof)}
                  </td>
                  <td className="num" data-field="singleGuaranteeXof">
                    {xof(data.guaranteeSavings.totals.singleGuaranteeXof)}
                  </td>
                  <td className="num" data-field="savingXof">
                    {xof(data.guaranteeSavings.totals.savingXof)}
                  </td>
                  <td className="num" data-field="savingShare">
                    {formatShare(data.guaranteeSavings.totals.savingShare, language)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </TableCard>
        )}
      </div>
    </section>
  );
}

/** The guarantee rate, in %, applied explicitly and kept in the address (`garantie=0.5`). */
function RateForm({ percent }: { percent: number }) {
  const { language } = useI18n();
  const t = useTexts(REVENUE_TEXTS);
  const [text, setText] = useState(() => percentText(percent, language));
  const [invalid, setInvalid] = useState(false);
  const id = useId();
  return (
    <form
      className="rate-form"
      onSubmit={(e) => {
        e.preventDefault();
        const value = checkGuaranteePercent(text);
        setInvalid(value === null);
        if (value !== null) navigate(window.location.pathname, writeGuaranteePercent(value, new URLSearchParams(window.location.search)));
      }}
    >
      <label htmlFor={`${id}-rate`}>{t.rateLabel}</label>
      <div className="inline-fields">
        <input id={`${id}-rate`} name="guarantee-rate" inputMode="decimal" autoComplete="off" value={text} aria-invalid={invalid} aria-describedby={`${id}-hint`} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t.rateApply}</button>
      </div>
      <p id={`${id}-hint`} className={invalid ? "field-error" : "field-hint"}>
        {invalid ? t.rateInvalid : t.rateHint}
      </p>
    </form>
  );
}
