import { useMemo } from "react";
import type { DataStatusQuery } from "../../gql/graphql";
import { formatInteger } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { feedsToWarn, freshnessOf, STALE_AFTER_DAYS } from "./freshness";
import { fill } from "../../i18n/server-text";
import { DATA_TEXTS } from "./texts";

type Feed = DataStatusQuery["warehouse"]["feeds"][number];

/** Each feed's latest event, its age, and a warning when it is older than STALE_AFTER_DAYS. */
export function FreshnessSection({ feeds }: { feeds: readonly Feed[] }) {
  const { language, date, dateTime } = useI18n();
  const t = useTexts(DATA_TEXTS);
  const now = useMemo(() => new Date(), [feeds]);
  const name = (f: Feed) => (language === "fr" ? f.nameFr : f.nameEn);
  const warn = feedsToWarn(feeds, now);
  const loaded = feeds.filter((f) => f.loads > 0);
  return (
    <section aria-labelledby="fresh-title" id="fraicheur">
      <h2 id="fresh-title">{t.freshHeading}</h2>
      {warn.stale.length > 0 && (
        <p className="notice data-warning" role="note">
          <strong>⚠ {fill(t.freshWarning, { days: STALE_AFTER_DAYS })}</strong> {warn.stale.map(name).join(", ")}.
        </p>
      )}
      {warn.never.length > 0 && loaded.length > 0 && (
        <p className="notice data-warning" role="note">
          <strong>{t.neverWarning}</strong> {warn.never.map(name).join(", ")}.
        </p>
      )}
      <div className="table-scroll">
        <table className="fresh-table stack-table">
          <caption>{fill(t.freshCaption, { days: STALE_AFTER_DAYS })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.feed}</th>
              <th scope="col">{t.latestEvent}</th>
              <th scope="col" className="num">
                {t.age}
              </th>
              <th scope="col">{t.state}</th>
              <th scope="col">{t.lastLoad}</th>
              <th scope="col" className="num">
                {t.files}
              </th>
              <th scope="col" className="num">
                {t.records}
              </th>
              <th scope="col" className="num">
                {t.quarantined}
              </th>
            </tr>
          </thead>
          <tbody>
            {feeds.map((feed) => {
              const fresh = freshnessOf(feed.dataAsOf, now);
              return (
                <tr key={feed.feed} data-feed={feed.feed}>
                  <th scope="row">{name(feed)}</th>
                  <td data-label={t.latestEvent}>{feed.dataAsOf ? date(feed.dataAsOf) : "—"}</td>
                  <td className="num" data-label={t.age}>{fresh.ageDays === null ? "—" : <abbr title={`${formatInteger(fresh.ageDays, language)} ${t.daysLong}`}>{`${formatInteger(fresh.ageDays, language)}\u00A0${t.days}`}</abbr>}</td>
                  <td data-label={t.state}>
                    <span className={`badge badge-${fresh.state}`}>{fresh.state === "fresh" ? `✓ ${t.stateFresh}` : fresh.state === "stale" ? `⚠ ${t.stateStale}` : t.stateNever}</span>
                  </td>
                  <td data-label={t.lastLoad}>{feed.lastLoadAt ? dateTime(feed.lastLoadAt) : "—"}</td>
                  <td className="num" data-label={t.files} data-field="loads">
                    {formatInteger(feed.loads, language)}
                  </td>
                  <td className="num" data-label={t.records} data-field="records">
                    {formatInteger(feed.recordsLoaded, language)}
                  </td>
                  <td className="num" data-label={t.quarantined} data-field="quarantined">
                    {formatInteger(feed.recordsQuarantined, language)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
