import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { CreateReportScheduleDocument, UpdateReportScheduleDocument, type ReportFormat, type ReportKind, type ReportLanguage, type ScheduleRule, type StaleDataAction } from "../../gql/graphql";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { fill } from "../../i18n/server-text";
import { weekdayName } from "./report-view";
import { checkForm, REPORT_COUNTRIES, REPORT_FORMATS, TIME_ZONES, type FormProblem, type ScheduleForm as Form } from "./schedule-form";
import { REPORTS_TEXTS } from "./texts";
import { useAction } from "../../api/use-action";

const KINDS: readonly ReportKind[] = ["WEEKLY_OPERATIONS", "MONTHLY_CORRIDOR"];
const RULES: readonly ScheduleRule[] = ["WEEKLY", "MONTHLY_FIRST_WORKING_DAY", "CRON"];
const LANGUAGES: readonly ReportLanguage[] = ["FR", "EN"];
const STALE: readonly StaleDataAction[] = ["WARN", "HOLD"];

/** Creates a schedule, or replaces one (`editing`), checking the form before it goes. */
export function ScheduleForm({ initial, editing, isAdmin, onSaved, onCancel }: { initial: Form; editing: { id: string; name: string } | null; isAdmin: boolean; onSaved: (message: string) => void; onCancel: () => void }) {
  const { language } = useI18n();
  const t = useTexts(REPORTS_TEXTS);
  const texts = t as Record<string, string>;
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [form, setForm] = useState<Form>(initial);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const create = useAction(CreateReportScheduleDocument);
  const update = useAction(UpdateReportScheduleDocument);
  const action = editing ? update : create;
  useEffect(() => heading.current?.focus(), []);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const problemText = (p: FormProblem) => fill(texts[`problem_${p.field}`] ?? p.field, { address: p.value ?? "" });
  const has = (field: FormProblem["field"]) => problems.some((p) => p.field === field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkForm(form, { withOwnerLogin: isAdmin });
    setProblems(checked.problems);
    if (!checked.input) return;
    const input = checked.input;
    const saved = editing
      ? await update.run({ id: editing.id, input }, (r) => fill(t.saved, { name: r.updateReportSchedule.name }))
      : await create.run({ input }, (r) => fill(t.saved, { name: r.createReportSchedule.name }));
    if (saved) onSaved(fill(t.saved, { name: input.name }));
  };

  return (
    <section aria-labelledby={`${id}-title`} className="schedule-form-section no-print">
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {editing ? fill(t.formEdit, { name: editing.name }) : t.formCreate}
      </h2>
      <form className="schedule-form" onSubmit={(e) => void submit(e)} noValidate>
        {problems.length > 0 && (
          <div role="alert" className="notice notice-error form-problems">
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{problemText(p)}</li>
              ))}
            </ul>
          </div>
        )}
        <Field label={t.name}>
          {(fid) => (
            <>
              <input id={fid} type="text" value={form.name} maxLength={200} required aria-invalid={has("name")} onChange={(e) => set({ name: e.target.value })} />
            </>
          )}
        </Field>
        <Field label={t.kind}>
          {(fid) => (
            <>
              <select id={fid} value={form.kind} onChange={(e) => set({ kind: e.target.value as ReportKind })}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {texts[`kind_${k}`]}
                  </option>
                ))}
              </select>
            </>
          )}
        </Field>
        <fieldset className="field-group">
          <legend>{t.rule}</legend>
          <div className="choices">
            {RULES.map((r) => (
              <label key={r} className="check">
                <input type="radio" name={`${id}-rule`} value={r} checked={form.rule === r} onChange={() => set({ rule: r })} />
                {texts[`rule_${r}`]}
              </label>
            ))}
          </div>
          <div className="field-row">
            {form.rule === "WEEKLY" && (
              <Field label={t.weekday}>
                {(fid) => (
                  <>
                    <select id={fid} value={form.weekday} aria-invalid={has("weekday")} onChange={(e) => set({ weekday: Number(e.target.value) })}>
                      {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                        <option key={d} value={d}>
                          {weekdayName(d, language)}
                        </option>
                      ))}
                    </select>
                  </>
                )}
              </Field>
            )}
            {form.rule !== "CRON" && (
              <Field label={t.time}>
                {(fid) => (
                  <>
                    <input id={fid} type="time" value={form.time} aria-invalid={has("time")} onChange={(e) => set({ time: e.target.value })} />
                  </>
                )}
              </Field>
            )}
            {form.rule === "CRON" && (
              <Field label={t.cron} className="wide-field">
                {(fid) => (
                  <>
                    <input id={fid} type="text" value={form.cron} aria-invalid={has("cron")} aria-describedby={`${id}-cron-hint`} spellCheck={false} onChange={(e) => set({ cron: e.target.value })} />
                    <span id={`${id}-cron-hint`} className="hint">
                      {t.cronHint}
                    </span>
                  </>
                )}
              </Field>
            )}
            <Field label={t.timeZone}>
              {(fid) => (
                <>
                  <select id={fid} value={form.timeZone} aria-invalid={has("timeZone")} onChange={(e) => set({ timeZone: e.target.value })}>
                    {(TIME_ZONES as readonly string[]).includes(form.timeZone) ? null : <option value={form.timeZone}>{form.timeZone}</option>}
                    {TIME_ZONES.map((z) => (
                      <option key={z} value={z}>
                        {z}
                      </option>
                    ))}
                  </select>
                </>
              )}
            </Field>
          </div>
        </fieldset>
        <fieldset className="field-group">
          <legend>{t.recipients}</legend>
          {form.recipients.map((r, i) => (
            <div key={i} className="field-row recipient-row">
              <Field label={`${t.address} ${i + 1}`} className="wide-field">
                {(fid) => (
                  <>
                    <input id={fid}
                      type="email"
                      value={r.address}
                      autoComplete="off"
                      aria-invalid={problems.some((p) => p.field === "address" && p.value === r.address.trim()) || (has("recipients") && !r.address.trim())}
                      onChange={(e) => set({ recipients: form.recipients.map((x, j) => (j === i ? { ...x, address: e.target.value } : x)) })}
                    />
                  </>
                )}
              </Field>
              <Field label={`${t.language} ${i + 1}`}>
                {(fid) => (
                  <>
                    <select id={fid} value={r.language} onChange={(e) => set({ recipients: form.recipients.map((x, j) => (j === i ? { ...x, language: e.target.value as ReportLanguage } : x)) })}>
                      {LANGUAGES.map((l) => (
                        <option key={l} value={l}>
                          {texts[`lang_${l}`]}
                        </option>
                      ))}
                    </select>
                  </>
                )}
              </Field>
              {form.recipients.length > 1 && (
                <button type="button" className="secondary-button" aria-label={`${t.removeRecipient} ${i + 1}`} onClick={() => set({ recipients: form.recipients.filter((_, j) => j !== i) })}>
                  {t.removeRecipient}
                </button>
              )}
            </div>
          ))}
          {form.recipients.length < 50 && (
            <button type="button" className="secondary-button" onClick={() => set({ recipients: [...form.recipients, { address: "", language: language === "fr" ? "FR" : "EN" }] })}>
              {t.addRecipient}
            </button>
          )}
        </fieldset>
        <fieldset className="field-group">
          <legend>{t.formats}</legend>
          <div className="choices">
            {REPORT_FORMATS.map((f) => (
              <label key={f} className="check">
                <input type="checkbox" checked={form.formats.includes(f)} onChange={(e) => set({ formats: e.target.checked ? [...form.formats, f] : form.formats.filter((x): x is ReportFormat => x !== f) })} />
                {f}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field-group">
          <legend>{t.countries}</legend>
          <p className="hint">{t.countriesHint}</p>
          <div className="choices">
            {REPORT_COUNTRIES.map((c) => (
              <label key={c} className="check">
                <input type="checkbox" checked={form.countries.includes(c)} onChange={(e) => set({ countries: e.target.checked ? [...form.countries, c] : form.countries.filter((x) => x !== c) })} />
                {c}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field-group">
          <legend>{t.staleAction}</legend>
          <div className="choices">
            {STALE.map((s) => (
              <label key={s} className="check">
                <input type="radio" name={`${id}-stale`} value={s} checked={form.staleDataAction === s} onChange={() => set({ staleDataAction: s })} />
                {texts[`stale_${s}`]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field-row">
          <Field label={t.ownerEmail} className="wide-field">
            {(fid) => (
              <>
                <input id={fid} type="email" value={form.ownerEmail} aria-invalid={has("ownerEmail")} onChange={(e) => set({ ownerEmail: e.target.value })} />
              </>
            )}
          </Field>
          {isAdmin && (
            <Field label={t.ownerLogin}>
              {(fid) => (
                <>
                  <input id={fid} type="text" value={form.ownerLogin} onChange={(e) => set({ ownerLogin: e.target.value })} />
                </>
              )}
            </Field>
          )}
        </div>
        {action.state.status === "failed" && (
          <p role="alert" className="notice notice-error">
            {t.failed} {action.state.message}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary-button" disabled={action.state.status === "pending"}>
            {editing ? t.save : t.create}
          </button>
          <button type="button" className="secondary-button" onClick={onCancel}>
            {t.cancel}
          </button>
          {action.state.status === "pending" && (
            <span role="status" className="muted">
              {t.loading}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

/** A labelled control: the label names the control alone (not the option it shows). */
function Field({ label, className, children }: { label: string; className?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={`field${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
