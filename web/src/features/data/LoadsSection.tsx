import type { DataStatusQuery } from "../../gql/graphql";
import { formatBytes, formatInteger } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { fill } from "../../i18n/server-text";
import { DATA_TEXTS } from "./texts";

type Load = DataStatusQuery["loads"][number];

/** The latest loads with their four counters; a load with quarantined records links to them. */
export function LoadsSection({ loads, limit, refreshing, onShowQuarantine }: { loads: readonly Load[]; limit: number; refreshing: boolean; onShowQuarantine: (fileName: string) => void }) {
  const { language, dateTime } = useI18n();
  const t = useTexts(DATA_TEXTS);
  const texts = t as Record<string, string>;
  const n = (v: number) => formatInteger(v, language);
  return (
    <section aria-labelledby="loads-title" aria-busy={refreshing}>
      <h2 id="loads-title">{t.loadsHeading}</h2>
      {refreshing && (
        <p className="muted" role="status">
          {t.refreshing}
        </p>
      )}
      {loads.length === 0 ? (
        <p className="muted">{t.loadsEmpty}</p>
      ) : (
        <div className="table-scroll">
          <table className="loads-table stack-table">
            <caption>{fill(t.loadsCaption, { n: limit })}</caption>
            <thead>
              <tr>
                <th scope="col">{t.file}</th>
                <th scope="col">{t.status}</th>
                <th scope="col" className="num">
                  {t.read}
                </th>
                <th scope="col" className="num">
                  {t.loaded}
                </th>
                <th scope="col" className="num">
                  {t.quarantined}
                </th>
                <th scope="col" className="num">
                  {t.duplicates}
                </th>
                <th scope="col">{t.started}</th>
                <th scope="col">{t.source}</th>
                <th scope="col" className="num">
                  {t.size}
                </th>
              </tr>
            </thead>
            <tbody>
              {loads.map((load) => (
                <tr key={load.id} data-file={load.fileName}>
                  <th scope="row" className="file">
                    {load.fileName}
                    {load.error && <span className="load-error">{load.error}</span>}
                  </th>
                  <td data-label={t.status}>
                    <span className={`badge badge-load-${load.status.toLowerCase()}`}>{texts[`status_${load.status}`] ?? load.status}</span>
                  </td>
                  <td className="num" data-label={t.read} data-field="read">
                    {n(load.read)}
                  </td>
                  <td className="num" data-label={t.loaded} data-field="loaded">
                    {n(load.loaded)}
                  </td>
                  <td className="num" data-label={t.quarantined}>
                    <span>
                      <span data-field="quarantined">{n(load.quarantined)}</span>
                      {load.quarantined > 0 && (
                        <>
                          {" "}
                          <button type="button" className="link-button" onClick={() => onShowQuarantine(load.fileName)} aria-label={fill(t.showQuarantineOf, { file: load.fileName })}>
                            {t.showQuarantine}
                          </button>
                        </>
                      )}
                    </span>
                  </td>
                  <td className="num" data-label={t.duplicates} data-field="duplicates">
                    {n(load.duplicates)}
                  </td>
                  <td className="nowrap" data-label={t.started}>{dateTime(load.startedAt)}</td>
                  <td data-label={t.source}>{texts[`source_${load.source}`] ?? load.source}</td>
                  <td className="num" data-label={t.size}>{formatBytes(load.fileSize, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
