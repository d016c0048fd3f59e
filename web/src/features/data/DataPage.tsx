import { useCallback, useMemo, useRef, useState } from "react";
import { navigate, usePlace } from "../../app/navigation";
import { useFilters } from "../../app/use-filters";
import { DataAsOf } from "../../components/DataAsOf";
import { DataQuarantineDocument, DataStatusDocument } from "../../gql/graphql";
import { formatPeriod } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { useSession } from "../auth/session";
import { CoverageChart } from "./CoverageChart";
import "./data.css";
import { FreshnessSection } from "./FreshnessSection";
import { LoadsSection } from "./LoadsSection";
import { EngineSection, RoutesSection } from "./PlatformSections";
import { QuarantineSection } from "./QuarantineSection";
import { parseQuarantineFilters, writeQuarantineFilters, type QuarantineFilters } from "./quarantine-view";
import { DATA_TEXTS } from "./texts";
import { UploadSection } from "./UploadSection";
import { useKeptQuery } from "../../api/use-kept-query";
import { PageHeading } from "../../components/PageHeading";

const LOAD_LIMIT = 20;
const QUARANTINE_LIMIT = 100;

/**
 * For data operators and administrators: how fresh each feed is, which
 * periods hold data, a file upload with its load result, the latest loads
 * with their counters, the quarantined records with where and why, and the
 * engine and reference routes.
 */
export default function DataPage() {
  const { language, dateTime } = useI18n();
  const t = useTexts(DATA_TEXTS);
  const { state: session } = useSession();
  const offline = session.status === "signed-in" && session.offline;
  const [filters] = useFilters();
  const place = usePlace();
  const quarantineFilters = useMemo(() => parseQuarantineFilters(place.params), [place.params]);
  const status = useKeptQuery(DataStatusDocument, { loadLimit: LOAD_LIMIT });
  const quarantine = useKeptQuery(DataQuarantineDocument, { ...quarantineFilters, limit: QUARANTINE_LIMIT });
  // The coverage chart asks again after an upload: a new key mounts it afresh.
  const [coverageVersion, setCoverageVersion] = useState(0);
  const quarantineHeading = useRef<HTMLHeadingElement>(null);
  const when = formatPeriod(filters.from, filters.to, language);

  const setQuarantineFilters = useCallback((next: QuarantineFilters) => {
    navigate(window.location.pathname, writeQuarantineFilters(next, new URLSearchParams(window.location.search)));
  }, []);
  const showQuarantineOf = useCallback(
    (fileName: string) => {
      setQuarantineFilters({ feed: null, reason: null, file: fileName });
      quarantineHeading.current?.scrollIntoView({ block: "start" });
      quarantineHeading.current?.focus({ preventScroll: true });
    },
    [setQuarantineFilters],
  );
  const { retry: retryStatus } = status;
  const { retry: retryQuarantine } = quarantine;
  const onLoaded = useCallback(() => {
    retryStatus();
    retryQuarantine();
    setCoverageVersion((v) => v + 1);
  }, [retryStatus, retryQuarantine]);

  const data = status.data;
  const feeds = data?.warehouse.feeds ?? [];
  const feedName = (feed: string) => {
    const info = feeds.find((f) => f.feed === feed);
    return info ? (language === "fr" ? info.nameFr : info.nameEn) : feed;
  };
  const quarantinedFiles = [...new Set((data?.loads ?? []).filter((l) => l.quarantined > 0).map((l) => l.fileName))];

  return (
    <div className="data-page">
      <PageHeading title={t.heading} when={when} />
      {data && <DataAsOf feeds={feeds.map((f) => ({ feed: f.feed, lastEventAt: f.dataAsOf }))} />}
      <p className="chart-note">{t.scopeNote}</p>
      {status.staleSince && (
        <p className="stale-note" role="status">
          {t.staleNote} {dateTime(status.staleSince)}
        </p>
      )}
      {status.error && (
        <div role="alert" className="notice notice-error">
          <p>{t.error}</p>
          <button type="button" onClick={status.retry}>
            {t.retry}
          </button>
        </div>
      )}
      {!data && !status.error && <p role="status">{t.loading}</p>}
      {data && (
        <>
          {data.warehouse.empty && (
            <section className="notice" aria-labelledby="empty-title">
              <h2 id="empty-title">{t.emptyTitle}</h2>
              <p>{t.emptyBody}</p>
            </section>
          )}
          <FreshnessSection feeds={feeds} />
          <UploadSection offline={offline} feedName={feedName} onLoaded={onLoaded} />
          <LoadsSection loads={data.loads} limit={LOAD_LIMIT} refreshing={status.loading} onShowQuarantine={showQuarantineOf} />
          <QuarantineSection
            ref={quarantineHeading}
            page={quarantine.data?.quarantine ?? null}
            refreshing={quarantine.loading}
            error={quarantine.error}
            retry={quarantine.retry}
            filters={quarantineFilters}
            onFilters={setQuarantineFilters}
            feeds={feeds}
            files={quarantinedFiles}
          />
          <div className="chart-grid data-charts">
            <CoverageChart key={coverageVersion} when={when} feeds={feeds} />
          </div>
          <EngineSection warehouse={data.warehouse} />
          <RoutesSection routes={data.routes} offices={data.offices} />
        </>
      )}
    </div>
  );
}
