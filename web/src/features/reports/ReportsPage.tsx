import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { navigate, usePlace } from "../../app/navigation";
import { useFilters } from "../../app/use-filters";
import { DataAsOf } from "../../components/DataAsOf";
import { ReportRunsDocument, ReportSchedulesDocument, type ReportRunState, type ReportScheduleFieldsFragment } from "../../gql/graphql";
import { formatPeriod } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { useSession } from "../auth/session";
import { fill } from "../../i18n/server-text";
import { isActive, parseRunFilters, RUN_STATES, runsOverlapping, writeRunFilters, type RunFilters } from "./report-view";
import "./reports.css";
import { RunCard } from "./RunCard";
import { ScheduleCard } from "./ScheduleCard";
import { ScheduleForm } from "./ScheduleForm";
import { formOf, NEW_SCHEDULE } from "./schedule-form";
import { REPORTS_TEXTS } from "./texts";
import { useKeptQuery } from "../../api/use-kept-query";
import { PageHeading } from "../../components/PageHeading";

const RUN_LIMIT = 200;
/** While a run is under way the page asks again this often. */
const POLL_MS = 2500;
/** Roles that manage schedules (server/src/reports/report-service.ts REPORT_MANAGERS). */
const MANAGERS = new Set(["admin", "port_authority"]);

type Editing = { mode: "closed" } | { mode: "create" } | { mode: "edit"; schedule: ReportScheduleFieldsFragment };

/**
 * Scheduled reports: the schedules with their calendar, next runs and last
 * run; the run log with its documents and e-mails; and, for the port
 * authority and administrators, creating, changing, pausing, deleting,
 * running now and re-sending.
 */
export default function ReportsPage() {
  const { language, dateTime } = useI18n();
  const t = useTexts(REPORTS_TEXTS);
  const texts = t as Record<string, string>;
  const { state: session } = useSession();
  const role = session.status === "signed-in" ? session.user.role : null;
  const canManage = role !== null && MANAGERS.has(role);
  const [filters] = useFilters();
  const place = usePlace();
  const runFilters = useMemo(() => parseRunFilters(place.params), [place.params]);
  const schedules = useKeptQuery(ReportSchedulesDocument, {});
  const runs = useKeptQuery(ReportRunsDocument, { scheduleId: null, limit: RUN_LIMIT });
  const [editing, setEditing] = useState<Editing>({ mode: "closed" });
  const [notice, setNotice] = useState<string | null>(null);
  const runsHeading = useRef<HTMLHeadingElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const when = formatPeriod(filters.from, filters.to, language);

  const { retry: retrySchedules } = schedules;
  const { retry: retryRuns } = runs;
  const refresh = useCallback(
    (message?: string) => {
      if (message) setNotice(message);
      retrySchedules();
      retryRuns();
    },
    [retrySchedules, retryRuns],
  );
  // A run under way changes on its own: ask again until every run shown has settled.
  const allRuns = runs.data?.reportRuns ?? [];
  const underWay = allRuns.some((r) => isActive(r.state));
  useEffect(() => {
    if (!underWay || runs.loading) return;
    const timer = setTimeout(() => refresh(), POLL_MS);
    return () => clearTimeout(timer);
  }, [underWay, runs.loading, refresh]);

  const setRunFilters = useCallback((next: RunFilters) => navigate(window.location.pathname, writeRunFilters(next, new URLSearchParams(window.location.search))), []);
  const showRunsOf = (scheduleId: string) => {
    setRunFilters({ ...runFilters, schedule: scheduleId });
    runsHeading.current?.scrollIntoView({ block: "start" });
    runsHeading.current?.focus({ preventScroll: true });
  };

  const data = schedules.data;
  const list = data?.reportSchedules ?? [];
  const shownRuns = runsOverlapping(allRuns, filters.from, filters.to).filter((r) => (!runFilters.schedule || r.scheduleId === runFilters.schedule) && (!runFilters.state || r.state === runFilters.state));
  // A schedule deleted since keeps its runs: it stays in the filter under the name its runs carry.
  const scheduleOptions = new Map<string, string>(list.map((s) => [s.id, s.name]));
  for (const r of allRuns) if (!scheduleOptions.has(r.scheduleId)) scheduleOptions.set(r.scheduleId, r.scheduleName);
  if (runFilters.schedule && !scheduleOptions.has(runFilters.schedule)) scheduleOptions.set(runFilters.schedule, runFilters.schedule);
  const closeForm = () => {
    setEditing({ mode: "closed" });
    newButton.current?.focus();
  };

  return (
    <div className="reports-page">
      <PageHeading title={t.heading} when={when} />
      {data && <DataAsOf feeds={data.warehouse.feeds.map((f) => ({ feed: f.feed, lastEventAt: f.dataAsOf }))} />}
      <p className="section-intro">{t.intro}</p>
      <p className="chart-note">{t.scopeNote}</p>
      {schedules.staleSince && (
        <p className="stale-note" role="status">
          {t.staleNote} {dateTime(schedules.staleSince)}
        </p>
      )}
      {!canManage && <p className="notice read-only-note">{t.readOnly}</p>}
      {schedules.error && (
        <div role="alert" className="notice notice-error">
          <p>{t.error}</p>
          <button type="button" onClick={schedules.retry}>
            {t.retry}
          </button>
        </div>
      )}
      {!data && !schedules.error && <p role="status">{t.loading}</p>}
      {data && (
        <>
          <div className="settings-notes">
            {!data.reportSettings.emailConfigured && <p className="notice data-warning">{t.noEmail}</p>}
            {data.reportSettings.sender && (
              <p className="muted">
                {t.emailFrom} {data.reportSettings.sender}
              </p>
            )}
            <p className="muted">{fill(t.limits, { hours: data.reportSettings.maxDataAgeHours, attempts: data.reportSettings.maxAttempts, seconds: data.reportSettings.retryDelaySeconds })}</p>
          </div>
          {editing.mode !== "closed" && canManage && (
            <ScheduleForm
              key={editing.mode === "edit" ? editing.schedule.id : "new"}
              initial={editing.mode === "edit" ? formOf(editing.schedule) : NEW_SCHEDULE}
              editing={editing.mode === "edit" ? { id: editing.schedule.id, name: editing.schedule.name } : null}
              isAdmin={role === "admin"}
              onSaved={(message) => {
                setEditing({ mode: "closed" });
                refresh(message);
              }}
              onCancel={closeForm}
            />
          )}
          <section aria-labelledby="schedules-title" aria-busy={schedules.loading}>
            <div className="section-head">
              <h2 id="schedules-title">{t.schedulesHeading}</h2>
              {canManage && editing.mode === "closed" && (
                <button ref={newButton} type="button" className="primary-button no-print" onClick={() => setEditing({ mode: "create" })}>
                  {t.newSchedule}
                </button>
              )}
            </div>
            <div aria-live="polite">
              {notice && (
                <p className="notice notice-ok" role="status">
                  {notice}
                </p>
              )}
            </div>
            {list.length === 0 ? (
              <p className="muted">{t.schedulesEmpty}</p>
            ) : (
              <ul className="card-list">
                {list.map((s) => (
                  <ScheduleCard
                    key={s.id}
                    schedule={s}
                    canManage={canManage}
                    onChanged={refresh}
                    onEdit={() => {
                      setNotice(null);
                      setEditing({ mode: "edit", schedule: s });
                      window.scrollTo({ top: 0 });
                    }}
                    onShowRuns={() => showRunsOf(s.id)}
                  />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="runs-title" aria-busy={runs.loading} id="executions">
            <h2 id="runs-title" ref={runsHeading} tabIndex={-1}>
              {t.runsHeading}
            </h2>
            <p className="muted">{fill(t.runsCaption, { period: when })}</p>
            <form className="run-filters" onSubmit={(e) => e.preventDefault()}>
              <label>
                {t.filterSchedule}
                <select value={runFilters.schedule ?? ""} onChange={(e) => setRunFilters({ ...runFilters, schedule: e.target.value || null })}>
                  <option value="">{t.all}</option>
                  {[...scheduleOptions].map(([value, name]) => (
                    <option key={value} value={value}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t.filterState}
                <select value={runFilters.state ?? ""} onChange={(e) => setRunFilters({ ...runFilters, state: (e.target.value || null) as ReportRunState | null })}>
                  <option value="">{t.all}</option>
                  {RUN_STATES.map((s) => (
                    <option key={s} value={s}>
                      {texts[`state_${s}`]}
                    </option>
                  ))}
                </select>
              </label>
              {(runFilters.schedule || runFilters.state) && (
                <button type="button" className="secondary-button" onClick={() => setRunFilters({ schedule: null, state: null })}>
                  {t.clear}
                </button>
              )}
            </form>
            {runs.error && (
              <div role="alert" className="notice notice-error">
                <p>{t.error}</p>
                <button type="button" onClick={runs.retry}>
                  {t.retry}
                </button>
              </div>
            )}
            {!runs.data && !runs.error && <p role="status">{t.loading}</p>}
            {runs.data &&
              (shownRuns.length === 0 ? (
                <p className="muted runs-empty">{t.runsEmpty}</p>
              ) : (
                <ul className="card-list run-list">
                  {shownRuns.map((r) => (
                    <RunCard key={r.id} run={r} canResend={canManage && data.reportSettings.emailConfigured} onChanged={refresh} />
                  ))}
                </ul>
              ))}
          </section>
        </>
      )}
    </div>
  );
}
