import type { ReactNode } from "react";
import { csvText, downloadBlob, fileNameOf } from "../charts/chart-export";
import { useI18n } from "../i18n/language";

type Csv = () => { header: readonly string[]; rows: readonly (readonly (string | number | null)[])[] };

/** The data of a table as CSV, the way a spreadsheet in the reader's language opens it. */
export function TableDownload({ title, label, csv }: { title: string; label: string; csv: Csv }) {
  const { language } = useI18n();
  return (
    <button
      type="button"
      className="table-download"
      onClick={() => {
        const data = csv();
        downloadBlob(new Blob([csvText(data.header, data.rows, language)], { type: "text/csv;charset=utf-8" }), fileNameOf(title, "csv"));
      }}
    >
      {label}
    </button>
  );
}

/**
 * A table of figures beside the charts: its title (at the page's heading level), its CSV download, and a
 * frame that scrolls sideways on a phone rather than squeezing the columns.
 */
export function TableCard({ id, title, level, downloadLabel, csv, children }: { id: string; title: string; level: 2 | 3; downloadLabel: string; csv: Csv; children: ReactNode }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className="table-card wide" aria-labelledby={id}>
      <header className="chart-head">
        <Heading id={id}>{title}</Heading>
        <div className="chart-actions">
          <TableDownload title={title} label={downloadLabel} csv={csv} />
        </div>
      </header>
      <div className="table-scroll">{children}</div>
    </section>
  );
}
