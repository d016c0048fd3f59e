import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ApiError } from "../../api/graphql-client";
import type { DataUploadMutation } from "../../gql/graphql";
import { formatInteger } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { fill } from "../../i18n/server-text";
import { DATA_TEXTS } from "./texts";
import { formatBytes } from "../../i18n/format";
import { messageIn } from "../../i18n/server-text";
import { ACCEPTED_EXTENSIONS, UPLOAD_MAX_BYTES, uploadProblem } from "./upload";
import { readAsBase64, sendUpload } from "./upload-request";

type Result = DataUploadMutation["uploadFile"];

type Step =
  | { step: "idle" }
  | { step: "reading"; done: number; total: number }
  | { step: "sending"; done: number; total: number }
  | { step: "loading" }
  | { step: "done"; result: Result }
  | { step: "failed"; message: string }
  | { step: "cancelled" };

/** Sends one feed file to the server, which loads it as `etl load` does, and shows the load's four counters. */
export function UploadSection({ offline, feedName, onLoaded }: { offline: boolean; feedName: (feed: string) => string; onLoaded: () => void }) {
  const { language } = useI18n();
  const t = useTexts(DATA_TEXTS);
  const texts = t as Record<string, string>;
  const inputId = useId();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<Step>({ step: "idle" });
  const controller = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const busy = state.step === "reading" || state.step === "sending" || state.step === "loading";
  const problem = file ? uploadProblem(file.size) : "none";
  const max = formatBytes(UPLOAD_MAX_BYTES, language);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || problem !== "none" || busy || offline) return;
    const abort = new AbortController();
    controller.current = abort;
    try {
      setState({ step: "reading", done: 0, total: file.size });
      const content = await readAsBase64(file, (done, total) => setState({ step: "reading", done, total }));
      if (abort.signal.aborted) throw new DOMException("aborted", "AbortError");
      setState({ step: "sending", done: 0, total: content.length });
      const result = await sendUpload(
        file.name,
        content,
        (done, total) => setState(done >= total ? { step: "loading" } : { step: "sending", done, total }),
        abort.signal,
      );
      setState({ step: "done", result });
      setFile(null);
      if (input.current) input.current.value = "";
      onLoaded();
    } catch (error) {
      if ((error as Error).name === "AbortError") setState({ step: "cancelled" });
      else if (error instanceof ApiError && error.code === "NETWORK") setState({ step: "failed", message: t.upNetwork });
      else if (error instanceof ApiError && error.code === "PAYLOAD_TOO_LARGE" && error.message.startsWith("HTTP")) setState({ step: "failed", message: fill(t.upTooLarge, { size: formatBytes(file.size, language), max }) });
      else setState({ step: "failed", message: messageIn((error as Error).message, language) });
    } finally {
      controller.current = null;
    }
  };

  const percent = state.step === "reading" || state.step === "sending" ? (state.total > 0 ? Math.round((100 * state.done) / state.total) : 0) : null;
  return (
    <section aria-labelledby="upload-title" className="upload-section no-print">
      <h2 id="upload-title">{t.upHeading}</h2>
      <p className="section-intro" id={hintId}>
        {fill(t.upIntro, { max })}
      </p>
      {offline && <p className="notice data-warning">{t.upOffline}</p>}
      <form className="upload-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={inputId}>{t.upFile}</label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={ACCEPTED_EXTENSIONS.join(",")}
          aria-describedby={hintId}
          disabled={busy || offline}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            if (!busy) setState({ step: "idle" });
          }}
        />
        {file && (
          <p className="upload-chosen">
            {fill(t.upChosen, { name: file.name, size: formatBytes(file.size, language) })}
          </p>
        )}
        {problem !== "none" && file && (
          <p className="form-error" role="alert">
            {problem === "empty" ? t.upEmpty : fill(t.upTooLarge, { size: formatBytes(file.size, language), max })}
          </p>
        )}
        <div className="upload-actions">
          <button type="submit" className="primary-button" disabled={!file || problem !== "none" || busy || offline}>
            {t.upSend}
          </button>
          {busy && (
            <button type="button" className="secondary-button" onClick={() => controller.current?.abort()}>
              {t.upCancel}
            </button>
          )}
        </div>
      </form>
      <div aria-live="polite" className="upload-status">
        {state.step === "reading" && <Progress label={t.upReading} percent={percent} name={t.upProgress} />}
        {state.step === "sending" && <Progress label={t.upSending} percent={percent} name={t.upProgress} />}
        {state.step === "loading" && (
          <p role="status" className="upload-loading">
            <span className="spinner" aria-hidden="true" /> {t.upLoading}
          </p>
        )}
        {state.step === "cancelled" && <p role="status">{t.upCancelled}</p>}
        {state.step === "failed" && (
          <p role="alert" className="notice notice-error">
            {t.upFailed} {state.message}
          </p>
        )}
        {state.step === "done" && (
          <div className={`upload-result upload-result-${state.result.status.toLowerCase()}`} role="status">
            <h3>
              {t.upResult} <span className="badge">{texts[`status_${state.result.status}`] ?? state.result.status}</span>
            </h3>
            <dl className="facts">
              <div>
                <dt>{t.upFeed}</dt>
                <dd>{state.result.feed ? feedName(state.result.feed) : t.upUnknownFeed}</dd>
              </div>
              <div>
                <dt>{t.read}</dt>
                <dd data-field="read">{formatInteger(state.result.read, language)}</dd>
              </div>
              <div>
                <dt>{t.loaded}</dt>
                <dd data-field="loaded">{formatInteger(state.result.loaded, language)}</dd>
              </div>
              <div>
                <dt>{t.quarantined}</dt>
                <dd data-field="quarantined">{formatInteger(state.result.quarantined, language)}</dd>
              </div>
              <div>
                <dt>{t.duplicates}</dt>
                <dd data-field="duplicates">{formatInteger(state.result.duplicates, language)}</dd>
              </div>
              <div className="wide-fact">
                <dt>{t.upStoredAs}</dt>
                <dd className="file">{state.result.fileName}</dd>
              </div>
              {state.result.error && (
                <div className="wide-fact">
                  <dt>{t.upFileError}</dt>
                  <dd>{messageIn(state.result.error, language)}</dd>
                </div>
              )}
            </dl>
          </div>
        )}
      </div>
    </section>
  );
}

function Progress({ label, percent, name }: { label: string; percent: number | null; name: string }) {
  return (
    <p className="upload-progress" role="status">
      <span>{label}</span> <progress max={100} value={percent ?? undefined} aria-label={name} /> <span>{percent === null ? "" : `${percent}\u00A0%`}</span>
    </p>
  );
}
