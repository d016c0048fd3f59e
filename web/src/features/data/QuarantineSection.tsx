import { forwardRef } from "react";
import type { DataQuarantineQuery, DataStatusQuery, Feed } from "../../gql/graphql";
import { formatInteger } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { placeOf, type QuarantineFilters } from "./quarantine-view";
import { fill } from "../../i18n/server-text";
import { DATA_TEXTS } from "./texts";

type Page = DataQuarantineQuery["quarantine"];

const PORT_WIDE_FEEDS: readonly Feed[] = ["VESSEL_CALLS", "CONTAINER_EVENTS"];
type FeedInfo = DataStatusQuery["warehouse"]["feeds"][number];

interface Props {
  page: Page | null;
  refreshing: boolean;
  error: Error | null;
  retry: () => void;
  filters: QuarantineFilters;
  onFilters: (next: QuarantineFilters) => void;
  feeds: readonly FeedInfo[];
  /** Files with quarantined records among the latest loads, offered in the file filter. */
  files: readonly string[];
}

/** Quarantined records with where and why, their counts by reason, and filters kept in the address. */
export const QuarantineSection = forwardRef<HTMLHeadingElement, Props>(function QuarantineSection({ page, refreshing, error, retry, filters, onFilters, feeds, files }, headingRef) {
  const { language, dateTime } = useI18n();
  const t = useTexts(DATA_TEXTS);
  const reasonText = (r: { reasonFr: string; reasonEn: string }) => (language === "fr" ? r.reasonFr : r.reasonEn);
  const feedName = (feed: Feed) => {
    const info = feeds.find((f) => f.feed === feed);
    return info ? (language === "fr" ? info.nameFr : info.nameEn) : feed;
  };
  const fileOptions = filters.file && !files.includes(filters.file) ? [filters.file, ...files] : files;
  const reasons = page?.byReason ?? [];
  const reasonOptions = filters.reason && !reasons.some((r) => r.reason === filters.reason) ? [{ reason: filters.reason, reasonFr: filters.reason, reasonEn: filters.reason, records: 0 }, ...reasons] : reasons;
  const filtered = filters.feed !== null || filters.reason !== null || filters.file !== null;
  // A country-scoped account sees the port-wide feeds' records only: the others are not offered.
  const feedOptions = page?.portWideOnly ? feeds.filter((f) => PORT_WIDE_FEEDS.includes(f.feed)) : feeds;
  return (
    <section aria-labelledby="quarantine-title" aria-busy={refreshing} id="quarantaine">
      <h2 id="quarantine-title" ref={headingRef} tabIndex={-1}>
        {t.qHeading}
      </h2>
      <p className="section-intro">{t.qIntro}</p>
      {page?.portWideOnly && <p className="notice data-warning">{t.qPortWideOnly}</p>}
      <form className="q-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t.qFeed}
          <select value={filters.feed ?? ""} onChange={(e) => onFilters({ ...filters, feed: (e.target.value || null) as Feed | null })}>
            <option value="">{t.qAll}</option>
            {feedOptions.map((f) => (
              <option key={f.feed} value={f.feed}>
                {language === "fr" ? f.nameFr : f.nameEn}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.qReason}
          <select value={filters.reason ?? ""} onChange={(e) => onFilters({ ...filters, reason: e.target.value || null })}>
            <option value="">{t.qAll}</option>
            {reasonOptions.map((r) => (
              <option key={r.reason} value={r.reason}>
                {`${r.reason} — ${reasonText(r)} (${formatInteger(r.records, language)})`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.qFile}
          <select value={filters.file ?? ""} onChange={(e) => onFilters({ ...filters, file: e.target.value || null })}>
            <option value="">{t.qAll}</option>
            {fileOptions.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button type="button" className="secondary-button" onClick={() => onFilters({ feed: null, reason: null, file: null })}>
            {t.qClear}
          </button>
        )}
      </form>
      {error && (
        <div role="alert" className="notice notice-error">
          <p>{t.error}</p>
          <button type="button" onClick={retry}>
            {t.retry}
          </button>
        </div>
      )}
      {!page && !error && (
        <p role="status" className="muted">
          {t.loading}
        </p>
      )}
      {refreshing && page && (
        <p className="muted" role="status">
          {t.refreshing}
        </p>
      )}
      {page && (
        <>
          {reasons.length > 0 && (
            <div className="table-scroll q-reasons">
              <table>
                <caption>{t.qByReasonCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.qReason}</th>
                    <th scope="col" className="num">
                      {t.qCount}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {reasons.map((r) => (
                    <tr key={r.reason} data-reason={r.reason}>
                      <th scope="row">
                        <code>{r.reason}</code> {reasonText(r)}
                      </th>
                      <td className="num" data-field="records">
                        {formatInteger(r.records, language)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="q-total" data-total={page.total}>
            {page.total === 0 ? t.qNone : page.total === 1 ? t.qTotalOne : fill(t.qTotalMany, { n: formatInteger(page.total, language) })}
            {page.truncated && ` ${fill(t.qShown, { shown: formatInteger(page.records.length, language) })}`}
          </p>
          {page.records.length > 0 && (
            <ol className="q-list">
              {page.records.map((r) => (
                <li key={`${r.fileName}-${r.recordIndex}-${r.quarantinedAt}`} className="q-record" data-reason={r.reason} data-file={r.fileName}>
                  <p className="q-reason">
                    <code>{r.reason}</code> <span>{reasonText(r)}</span>
                    {r.fixed && (
                      <span className="badge badge-fresh" title={t.qFixedTitle}>
                        ✓ {t.qFixed}
                      </span>
                    )}
                  </p>
                  <dl className="q-facts">
                    <div>
                      <dt>{t.qFile}</dt>
                      <dd className="file">{r.fileName}</dd>
                    </div>
                    <div>
                      <dt>{t.qPlace}</dt>
                      <dd className="q-place">{placeOf(r, language)}</dd>
                    </div>
                    <div>
                      <dt>{t.qFeed}</dt>
                      <dd>{feedName(r.feed)}</dd>
                    </div>
                    {r.recordKey && (
                      <div>
                        <dt>{t.qKey}</dt>
                        <dd>
                          <code>{r.recordKey}</code>
                        </dd>
                      </div>
                    )}
                    <div>
                      <dt>{t.qAt}</dt>
                      <dd>{dateTime(r.quarantinedAt)}</dd>
                    </div>
                    <div className="q-detail">
                      <dt>{t.qDetail}</dt>
                      <dd>{r.detail}</dd>
                    </div>
                  </dl>
                  <details className="q-raw">
                    <summary>
                      {t.qRaw} {r.rawTruncated && <span className="muted">{t.qRawCut}</span>}
                    </summary>
                    <pre>{r.raw}</pre>
                  </details>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
});
