import { useId, useRef, useState, type FormEvent } from "react";
import { useFilters } from "../../app/use-filters";
import { DeleteReportScheduleDocument, PauseReportScheduleDocument, ResumeReportScheduleDocument, RunReportNowDocument, type ReportScheduleFieldsFragment } from "../../gql/graphql";
import { formatDateTime, formatPeriod } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { fill } from "../../i18n/server-text";
import { describeTiming, runsOverlapping } from "./report-view";
import { REPORTS_TEXTS } from "./texts";
import { useAction, type ActionState } from "../../api/use-action";

type Schedule = ReportScheduleFieldsFragment;

/** One schedule: when it runs, to whom, its latest run, and what a manager may do with it. */
export function ScheduleCard({ schedule, canManage, onChanged, onEdit, onShowRuns }: { schedule: Schedule; canManage: boolean; onChanged: (message?: string) => void; onEdit: () => void; onShowRuns: () => void }) {
  const { language } = useI18n();
  const t = useTexts(REPORTS_TEXTS);
  const texts = t as Record<string, string>;
  const id = useId();
  const pause = useAction(PauseReportScheduleDocument);
  const resume = useAction(ResumeReportScheduleDocument);
  const remove = useAction(DeleteReportScheduleDocument);
  const runNow = useAction(RunReportNowDocument);
  const [confirming, setConfirming] = useState(false);
  const [runForm, setRunForm] = useState(false);
  const [day, setDay] = useState("");
  const [filters] = useFilters();
  const deleteButton = useRef<HTMLButtonElement>(null);
  const inZone = (iso: string) => `${formatDateTime(iso, language, schedule.timeZone)}`;
  const messages: ActionState[] = [pause.state, resume.state, remove.state, runNow.state];
  const busy = messages.some((m) => m.status === "pending");

  const togglePause = async () => {
    const result = schedule.paused ? await resume.run({ id: schedule.id }, () => "") : await pause.run({ id: schedule.id }, () => "");
    if (result) onChanged();
  };
  const start = async (event: FormEvent) => {
    event.preventDefault();
    const run = await runNow.run({ scheduleId: schedule.id, periodContaining: day || null }, (r) => {
      const started = fill(t.runStarted, { period: formatPeriod(r.runReportNow.period.from, r.runReportNow.period.to, language) });
      // The log shows the runs of the view's period: say where this one went when it is outside.
      return runsOverlapping([r.runReportNow], filters.from, filters.to).length ? started : `${started} ${t.runOutside}`;
    });
    if (run) {
      setRunForm(false);
      onChanged();
    }
  };
  const confirmDelete = async () => {
    const done = await remove.run({ id: schedule.id }, () => "");
    if (done) onChanged(fill(t.deleted, { name: schedule.name }));
  };

  return (
    <li className={`schedule-card${schedule.paused ? " is-paused" : ""}`} data-schedule={schedule.id} aria-labelledby={`${id}-name`}>
      <div className="schedule-head">
        <h3 id={`${id}-name`}>{schedule.name}</h3>
        <span className={`badge ${schedule.paused ? "badge-paused" : "badge-active"}`}>{schedule.paused ? `⏸ ${t.paused}` : `● ${t.active}`}</span>
      </div>
      <p className="schedule-kind">{texts[`kind_${schedule.kind}`]}</p>
      <dl className="facts schedule-facts">
        <div className="wide-fact">
          <dt>{t.when}</dt>
          <dd className="schedule-timing">
            {describeTiming(schedule, language)} ({schedule.timeZone}) — <code>{schedule.cron}</code>
          </dd>
        </div>
        <div>
          <dt>{t.nextRuns}</dt>
          <dd>
            {schedule.nextRuns.length === 0 ? (
              t.noNextRun
            ) : (
              <ul className="plain-list next-runs">
                {schedule.nextRuns.map((iso) => (
                  <li key={iso}>
                    <time dateTime={iso}>{inZone(iso)}</time>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t.lastRun}</dt>
          <dd className="last-run">
            {schedule.lastRun ? (
              <>
                <span className={`badge badge-run-${schedule.lastRun.state.toLowerCase()}`} data-state={schedule.lastRun.state}>
                  {texts[`state_${schedule.lastRun.state}`]}
                </span>{" "}
                {formatPeriod(schedule.lastRun.period.from, schedule.lastRun.period.to, language)}
                {schedule.lastRun.finishedAt && <span className="muted"> · {inZone(schedule.lastRun.finishedAt)}</span>}
              </>
            ) : (
              t.noRun
            )}
          </dd>
        </div>
        <div>
          <dt>{t.recipients}</dt>
          <dd>
            <ul className="plain-list">
              {schedule.recipients.map((r) => (
                <li key={r.address}>
                  {r.address} <span className="muted">({texts[`lang_${r.language}`]})</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t.formats}</dt>
          <dd>{schedule.formats.join(", ")}</dd>
        </div>
        <div>
          <dt>{t.countries}</dt>
          <dd>{schedule.countries.length ? schedule.countries.join(", ") : t.allCountries}</dd>
        </div>
        <div>
          <dt>{t.staleAction}</dt>
          <dd>{texts[`stale_${schedule.staleDataAction}`]}</dd>
        </div>
        <div>
          <dt>{t.owner}</dt>
          <dd>
            {schedule.owner}
            {schedule.ownerEmail && <span className="muted"> · {schedule.ownerEmail}</span>}
            {schedule.scope && <span className="muted"> · {schedule.scope}</span>}
          </dd>
        </div>
      </dl>
      <div className="card-actions no-print">
        <button type="button" className="secondary-button" onClick={onShowRuns}>
          {t.showRuns}
        </button>
        {canManage && (
          <>
            <button type="button" className="secondary-button" disabled={busy} onClick={() => setRunForm((v) => !v)} aria-expanded={runForm}>
              {t.runNow}
            </button>
            <button type="button" className="secondary-button" disabled={busy} onClick={() => void togglePause()}>
              {schedule.paused ? t.resume : t.pause}
            </button>
            <button type="button" className="secondary-button" disabled={busy} onClick={onEdit}>
              {t.edit}
            </button>
            <button ref={deleteButton} type="button" className="danger-button" disabled={busy} onClick={() => setConfirming(true)} aria-expanded={confirming}>
              {t.delete}
            </button>
          </>
        )}
      </div>
      {runForm && (
        <form className="inline-form no-print" onSubmit={(e) => void start(e)}>
          <label className="field">
            {t.runNowDay}
            <input type="date" value={day} onChange={(e) => setDay(e.target.value)} aria-describedby={`${id}-run-hint`} />
          </label>
          <span id={`${id}-run-hint`} className="hint">
            {t.runNowHint}
          </span>
          <div className="form-actions">
            <button type="submit" className="primary-button" disabled={busy}>
              {t.runNowGo}
            </button>
            <button type="button" className="secondary-button" onClick={() => setRunForm(false)}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
      {confirming && (
        <div className="confirm no-print" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{fill(t.deleteConfirm, { name: schedule.name })}</p>
          <div className="form-actions">
            <button type="button" className="danger-button" disabled={busy} onClick={() => void confirmDelete()} autoFocus>
              {t.deleteYes}
            </button>
            <button
              type="button"
              className="secondary-button"
              onClick={() => {
                setConfirming(false);
                deleteButton.current?.focus();
              }}
            >
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      <div aria-live="polite">
        {messages.map((m, i) =>
          m.status === "failed" ? (
            <p key={i} role="alert" className="notice notice-error">
              {t.failed} {m.message}
            </p>
          ) : m.status === "done" && m.message ? (
            <p key={i} className="notice notice-ok" role="status">
              {m.message}
            </p>
          ) : null,
        )}
      </div>
    </li>
  );
}
