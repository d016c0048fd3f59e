import { useId, useRef, type ReactNode } from "react";
import { useI18n } from "../i18n/language";
import { useTexts } from "../i18n/texts";
import { CHART_TEXTS } from "./chart-texts";
import { csvText, downloadBlob, fileNameOf, svgToPng } from "./chart-export";

/** An error may carry the API's code and a page's explanation of it (`message` replaces the generic text; FORBIDDEN offers no retry). */
export type ChartState = { status: "loading" } | { status: "error"; retry: () => void; code?: string; message?: string } | { status: "empty"; message?: string } | { status: "ready"; staleSince?: string | null };

export interface ChartCsv {
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/**
 * Every chart of the dashboard sits in one of these: a title that says what
 * and when, a loading, error (with retry) or empty state that explains, the
 * filters that did not apply, downloads of the picture and the data, and a
 * text alternative for screen readers.
 */
export function ChartCard(props: {
  title: string;
  subtitle: string;
  state: ChartState;
  /** One or two sentences a screen reader says instead of the picture. */
  summary: string;
  csv?: () => ChartCsv;
  notApplied?: readonly string[];
  className?: string;
  /** "group" when the figure holds controls or a table (a map's routes are buttons) that screen readers must reach; an image otherwise. */
  figureRole?: "img" | "group";
  children?: ReactNode;
}) {
  const { language, dateTime } = useI18n();
  const t = useTexts(CHART_TEXTS);
  const titleId = useId();
  const summaryId = useId();
  const figure = useRef<HTMLDivElement>(null);
  const { state } = props;
  const downloadPng = async () => {
    const svg = figure.current?.querySelector("svg");
    if (svg) downloadBlob(await svgToPng(svg, props.title), fileNameOf(props.title, "png"));
  };
  const downloadCsv = () => {
    const data = props.csv?.();
    if (data) downloadBlob(new Blob([csvText(data.header, data.rows, language)], { type: "text/csv;charset=utf-8" }), fileNameOf(props.title, "csv"));
  };
  return (
    <section className={`chart-card ${props.className ?? ""}`} aria-labelledby={titleId} aria-busy={state.status === "loading"}>
      <header className="chart-head">
        <div>
          <h2 id={titleId}>{props.title}</h2>
          <p className="chart-subtitle">{props.subtitle}</p>
        </div>
        {state.status === "ready" && (
          <div className="chart-actions">
            <button type="button" onClick={() => void downloadPng()}>
              {t.png}
            </button>
            {props.csv && (
              <button type="button" onClick={downloadCsv}>
                {t.csv}
              </button>
            )}
          </div>
        )}
      </header>
      {state.status === "loading" && (
        <div className="chart-placeholder" role="status">
          {t.loading}
        </div>
      )}
      {state.status === "error" && (
        <div className="chart-placeholder notice-error" role="alert">
          <p>{state.message ?? t.error}</p>
          {state.code !== "FORBIDDEN" && (
            <button type="button" onClick={state.retry}>
              {t.retry}
            </button>
          )}
        </div>
      )}
      {state.status === "empty" && <p className="chart-placeholder chart-empty">{state.message ?? t.empty}</p>}
      {state.status === "ready" && (
        <>
          {state.staleSince && (
            <p className="stale-note">
              {t.stale} {dateTime(state.staleSince)}
            </p>
          )}
          <div ref={figure} className="chart-figure" role={props.figureRole ?? "img"} aria-labelledby={titleId} aria-describedby={summaryId}>
            {props.children}
          </div>
          <p id={summaryId} className="visually-hidden">
            {props.summary}
          </p>
        </>
      )}
      {props.notApplied && props.notApplied.length > 0 && (
        <p className="chart-note">
          {t.notApplied} {props.notApplied.map((d) => (t as Record<string, string>)[`dim_${d}`] ?? d).join(", ")}
        </p>
      )}
    </section>
  );
}
