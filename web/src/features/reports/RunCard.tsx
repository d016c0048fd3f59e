import { useId, useState, type FormEvent } from "react";
import { ResendReportRunDocument, type ReportLanguage, type ReportRunFieldsFragment } from "../../gql/graphql";
import { formatDateTime, formatPeriod } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { formatBytes } from "../../i18n/format";
import { fill, messageIn } from "../../i18n/server-text";
import { parseAddresses } from "./schedule-form";
import { REPORTS_TEXTS } from "./texts";
import { useAction } from "../../api/use-action";

type Run = ReportRunFieldsFragment;

/** One run: its state and times, what the data check found, its documents to download, its e-mails, and a re-send. */
export function RunCard({ run, canResend, onChanged }: { run: Run; canResend: boolean; onChanged: () => void }) {
  const { language } = useI18n();
  const t = useTexts(REPORTS_TEXTS);
  const texts = t as Record<string, string>;
  const id = useId();
  const resend = useAction(ResendReportRunDocument);
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<"schedule" | "others">("schedule");
  const [addresses, setAddresses] = useState("");
  const [resendLanguage, setResendLanguage] = useState<ReportLanguage>(language === "fr" ? "FR" : "EN");
  const [problem, setProblem] = useState<string | null>(null);
  const at = (iso: string | null) => (iso ? formatDateTime(iso, language, run.timeZone) : "—");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let recipients: { address: string; language: ReportLanguage }[] | null = null;
    if (target === "others") {
      const parsed = parseAddresses(addresses);
      if (parsed.invalid.length || parsed.valid.length === 0) {
        setProblem(fill(t.problem_address, { address: parsed.invalid.join(", ") || "—" }));
        return;
      }
      recipients = parsed.valid.map((address) => ({ address, language: resendLanguage }));
    }
    setProblem(null);
    const done = await resend.run({ runId: run.id, recipients }, () => t.resent);
    if (done) {
      setOpen(false);
      onChanged();
    }
  };

  return (
    <li className={`run-card run-${run.state.toLowerCase()}`} data-run={run.id} data-state={run.state} aria-labelledby={`${id}-title`}>
      <div className="schedule-head">
        <h3 id={`${id}-title`}>
          {run.scheduleName} — {formatPeriod(run.period.from, run.period.to, language)}
        </h3>
        <span className={`badge badge-run-${run.state.toLowerCase()}`}>{texts[`state_${run.state}`]}</span>
      </div>
      <dl className="facts run-facts">
        <div>
          <dt>{t.trigger}</dt>
          <dd>{texts[`trigger_${run.trigger}`]}</dd>
        </div>
        <div>
          <dt>{t.scheduledFor}</dt>
          <dd>{at(run.scheduledFor)}</dd>
        </div>
        <div>
          <dt>{t.started}</dt>
          <dd>{at(run.startedAt)}</dd>
        </div>
        <div>
          <dt>{t.finished}</dt>
          <dd>{at(run.finishedAt)}</dd>
        </div>
        <div>
          <dt>{t.attempts}</dt>
          <dd data-field="attempts">{run.attempts}</dd>
        </div>
        {run.nextAttemptAt && (
          <div>
            <dt>{t.nextAttempt}</dt>
            <dd>{at(run.nextAttemptAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t.sent}</dt>
          <dd data-field="sent">
            {run.sent ? t.sentYes : t.sentNo}
            {run.notSentReason && <span className="muted"> — {messageIn(run.notSentReason, language)}</span>}
          </dd>
        </div>
        <div>
          <dt>{t.recipients}</dt>
          <dd>{run.recipients.join(", ") || "—"}</dd>
        </div>
        {run.dataCheck && (
          <div className="wide-fact">
            <dt>{t.dataCheck}</dt>
            <dd>
              <span className={`badge badge-check-${run.dataCheck.toLowerCase()}`}>{texts[`check_${run.dataCheck}`]}</span>
              {run.dataNote && <span className="data-note"> {messageIn(run.dataNote, language)}</span>}
            </dd>
          </div>
        )}
        {run.error && (
          <div className="wide-fact run-error">
            <dt>{t.errorLabel}</dt>
            <dd>{messageIn(run.error, language)}</dd>
          </div>
        )}
        {run.ownerNotice && (
          <div className="wide-fact">
            <dt>{t.ownerNotice}</dt>
            <dd>{messageIn(run.ownerNotice, language)}</dd>
          </div>
        )}
        <div className="wide-fact">
          <dt>{t.documents}</dt>
          <dd>
            {run.artefacts.length === 0 ? (
              <span className="muted">{t.noDocuments}</span>
            ) : (
              <ul className="plain-list artefacts">
                {run.artefacts.map((a) => (
                  <li key={`${a.format}-${a.language}`}>
                    <a href={a.url} download={a.fileName} data-format={a.format} data-language={a.language}>
                      {fill(t.download, { format: a.format, language: a.language, size: formatBytes(a.bytes, language) })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {run.deliveries.length > 0 && (
        <details className="deliveries">
          <summary>
            {t.deliveries} ({run.deliveries.length})
          </summary>
          <ul className="plain-list">
            {run.deliveries.map((d, i) => (
              <li key={i} data-purpose={d.purpose} data-delivery-state={d.state}>
                <strong>{texts[`purpose_${d.purpose}`]}</strong> ({d.language}) — {texts[`delivery_${d.state}`]} · {d.recipients.join(", ")} · {at(d.at)}
                {d.attempts > 1 && ` · ${t.attempts} ${d.attempts}`}
                {d.requestedBy && ` · ${t.requestedBy} ${d.requestedBy}`}
                {d.error && <span className="run-error"> — {d.error}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      {canResend && run.artefacts.length > 0 && (
        <div className="card-actions no-print">
          <button type="button" className="secondary-button" onClick={() => setOpen((v) => !v)} aria-expanded={open}>
            {t.resend}
          </button>
        </div>
      )}
      {open && (
        <form className="inline-form no-print" onSubmit={(e) => void submit(e)}>
          <fieldset className="field-group">
            <legend>{t.resendTo}</legend>
            <label className="check">
              <input type="radio" name={`${id}-target`} checked={target === "schedule"} onChange={() => setTarget("schedule")} />
              {t.resendSchedule}
            </label>
            <label className="check">
              <input type="radio" name={`${id}-target`} checked={target === "others"} onChange={() => setTarget("others")} />
              {t.resendOthers}
            </label>
            {target === "others" && (
              <div className="field-row">
                <label className="field wide-field">
                  {t.resendAddresses}
                  <input type="text" value={addresses} onChange={(e) => setAddresses(e.target.value)} aria-invalid={problem !== null} />
                </label>
                <label className="field">
                  {t.language}
                  <select value={resendLanguage} onChange={(e) => setResendLanguage(e.target.value as ReportLanguage)}>
                    <option value="FR">{t.lang_FR}</option>
                    <option value="EN">{t.lang_EN}</option>
                  </select>
                </label>
              </div>
            )}
          </fieldset>
          {problem && (
            <p role="alert" className="form-error">
              {problem}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="primary-button" disabled={resend.state.status === "pending"}>
              {t.resendGo}
            </button>
            <button type="button" className="secondary-button" onClick={() => setOpen(false)}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {resend.state.status === "failed" && (
          <p role="alert" className="notice notice-error">
            {t.failed} {resend.state.message}
          </p>
        )}
        {resend.state.status === "done" && (
          <p role="status" className="notice notice-ok">
            {resend.state.message}
          </p>
        )}
      </div>
    </li>
  );
}
