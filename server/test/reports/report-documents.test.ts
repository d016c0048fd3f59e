import fs from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEtlWarehouse, sampleFiles, type EtlWarehouse } from "../../../etl/test/support/etl-warehouse.js";
import { countryFigures } from "../../src/metrics/entry-points.js";
import { MetricsService } from "../../src/metrics/metrics-service.js";
import { PlatformQueries } from "../../src/queries/platform.queries.js";
import { ReferenceQueries } from "../../src/queries/reference.queries.js";
import { FeedActivityQueries } from "../../src/queries/feed-activity.queries.js";
import { buildReport } from "../../src/reports/document/report-builder.js";
import { formatHours, formatValue, formatXof } from "../../src/reports/document/number-format.js";
import type { ReportDocument } from "../../src/reports/document/report-document.js";
import { renderCsv } from "../../src/reports/render/render-csv.js";
import { renderPdf } from "../../src/reports/render/render-pdf.js";
import { renderXlsx } from "../../src/reports/render/render-xlsx.js";
import { pdfPages } from "./pdf-text.js";

// The sample scenario (October 2024, EXPECTED.md) in an in-process warehouse; the
// report documents are built from the same semantic layer the API answers with.
let etl: EtlWarehouse;
let metrics: MetricsService;
let monthly: ReportDocument;
let weekly: ReportDocument;
const OCTOBER = { from: "2024-10-01", to: "2024-11-01" };

beforeAll(async () => {
  etl = await openEtlWarehouse();
  await etl.load(sampleFiles());
  const reference = new ReferenceQueries(etl.warehouse);
  const platform = new PlatformQueries(etl.warehouse);
  metrics = new MetricsService(etl.warehouse, reference, platform);
  const sources = { metrics, warehouse: etl.warehouse, feedActivity: new FeedActivityQueries(etl.warehouse) };
  // The samples' ship calls stop on 16/10 (EXPECTED §1): 20 days of tolerance keeps October "ok".
  const spec = { scheduleName: "PAL", timeZone: "Africa/Lome", countries: [], scope: null, maxDataAgeHours: 24 * 20 };
  monthly = await buildReport(sources, { ...spec, kind: "monthly_corridor", period: OCTOBER }, new Date("2024-11-04T08:00:00Z"));
  weekly = await buildReport(sources, { ...spec, kind: "weekly_operations", period: { from: "2024-10-14", to: "2024-10-21" } }, new Date("2024-10-21T07:00:00Z"));
}, 240_000);
afterAll(async () => {
  await etl?.close();
});

describe("report documents", () => {
  it("builds the monthly corridor report from the API's figures, and its PDF shows them", async () => {
    const api = await countryFigures(metrics, OCTOBER, "Africa/Lome", null, null);
    const bf = api.countries.find((c) => c.country === "BF");
    expect(bf?.tonnes.value).toBe(66.5);
    expect(bf?.customsRevenue.value).toBe(4_477_750);
    expect(monthly.check.state).toBe("ok");
    for (const language of ["fr", "en"] as const) {
      const pdf = await renderPdf(monthly, language);
      if (process.env.REPORTS_TEST_OUT) fs.writeFileSync(`${process.env.REPORTS_TEST_OUT}/monthly.${language}.pdf`, pdf);
      const text = (await pdfPages(pdf)).join("\n");
      const shown = (t: string) => t.replace(/\u00A0/gu, " ");
      // Every country's figures as the API gives them, written as the PDF writes them.
      for (const c of api.countries) {
        for (const cell of [c.tonnes, c.customsRevenue, c.portCharges, c.portDwellP50, c.corridorTransitP50]) {
          if (cell.value === null) continue;
          const kind = cell.unit === "xof" ? "xof" : cell.unit === "hours" ? "hours" : "tonnes";
          expect(text, `${c.country} ${cell.measure} ${language}`).toContain(shown(formatValue(cell.value, kind, language)));
        }
      }
      expect(text).toContain(shown(formatXof(4_477_750, language)));
      expect(text).toContain(shown(formatHours(159.4, language)));
      expect(text).toMatch(language === "fr" ? /Page 1 sur \d+/u : /Page 1 of \d+/u);
    }
    const fr = (await pdfPages(await renderPdf(monthly, "fr"))).join("\n");
    expect(fr).toContain("4 477 750 FCFA");
    expect(fr).toContain("Rapport mensuel du corridor Lomé–AES");
    expect(fr).toContain("1 octobre 2024 – 31 octobre 2024");
  });

  it("writes the French accents, guillemets, dashes and no-break spaces of WinAnsi as text", async () => {
    const doc: ReportDocument = { ...monthly, scheduleName: "é è à ç ô œ « » – € 1\u202F234\u00A0567 FCFA", sections: [] };
    const text = (await pdfPages(await renderPdf(doc, "fr")))[0] ?? "";
    expect(text).toContain("é è à ç ô œ « » – € 1 234 567 FCFA");
  });

  it("compares each indicator with the previous period and a year earlier, and states freshness and filters", () => {
    expect(monthly.previousPeriod).toEqual({ from: "2024-09-01", to: "2024-10-01" });
    expect(monthly.yearAgoPeriod).toEqual({ from: "2023-10-01", to: "2023-11-01" });
    expect(monthly.filters.fr).toContain("tous les pays");
    expect(monthly.dataAsOf.map((d) => d.feed)).toHaveLength(5);
    expect(monthly.dataAsOf.every((d) => d.lastEventAt !== null)).toBe(true);
    const summary = monthly.sections[0]?.tables[0];
    expect(summary?.columns.map((c) => c.id)).toEqual(["indicator", "value", "previous", "previousChange", "yearAgo", "yearAgoChange"]);
  });

  it("builds the weekly operations report: ships, TEU, dwell percentiles and quarantine", async () => {
    const summary = weekly.sections[0]?.tables[0];
    const row = (fr: string) => summary?.rows.find((r) => (r[0] as { fr: string }).fr === fr);
    // The week of 14 October holds call C2 (arrived 14/10 22:00): waiting 12 h, turnaround 46 h (EXPECTED §1–2).
    expect(row("Escales de navires")?.[1]).toBe(1);
    expect(row("Attente des navires, médiane")?.[1]).toBe(12);
    expect(row("Rotation des navires, médiane")?.[1]).toBe(46);
    const quality = weekly.sections.flatMap((s) => s.tables).find((t) => t.id === "data_quality");
    const inQuarantine = quality?.rows.map((r) => r[4]);
    expect(inQuarantine?.reduce((a, b) => Number(a) + Number(b), 0)).toBe(2);
    const text = (await pdfPages(await renderPdf(weekly, "en"))).join("\n");
    expect(text).toContain("Weekly port operations report");
    expect(text).toContain("12 h");
  });

  it("says plainly when the data is stale or missing", async () => {
    const sources = { metrics, warehouse: etl.warehouse, feedActivity: new FeedActivityQueries(etl.warehouse) };
    const spec = { scheduleName: "PAL", timeZone: "Africa/Lome", countries: [], scope: null, maxDataAgeHours: 72 };
    const empty = await buildReport(sources, { ...spec, kind: "monthly_corridor", period: { from: "2024-06-01", to: "2024-07-01" } });
    expect(empty.check.state).toBe("empty");
    // The last week of October: invoices stop on 31/10 but vessel calls on 16/10.
    const stale = await buildReport(sources, { ...spec, kind: "weekly_operations", period: { from: "2024-10-28", to: "2024-11-04" } });
    expect(stale.check.state === "stale" || stale.check.state === "empty").toBe(true);
    const october = await buildReport(sources, { ...spec, kind: "monthly_corridor", period: OCTOBER });
    expect(october.check.state).toBe("stale");
    const text = (await pdfPages(await renderPdf(october, "fr")))[0] ?? "";
    expect(text).toContain("ATTENTION : données anciennes");
  });

  it("writes a workbook with one sheet per table, numbers as numbers with formats and frozen headers", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(monthly, "fr")) as unknown as ArrayBuffer);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual(["À propos", "Résumé", "Volumes par pays", "Délais par pays", "Recettes par pays", "Postes frontières", "Produits", "Itinéraires", "Garantie unique"]);
    const revenue = book.getWorksheet("Recettes par pays");
    const bfRow = revenue?.getRows(2, revenue.rowCount - 1)?.find((r) => String(r.getCell(1).value).includes("(BF)"));
    expect(bfRow?.getCell(2).value).toBe(4_477_750);
    expect(bfRow?.getCell(2).numFmt).toBe('#,##0 "FCFA"');
    expect(revenue?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const csv = renderCsv(monthly, "fr").toString("utf8");
    expect(csv.startsWith("\uFEFFtableau;ligne;colonne;valeur;unité")).toBe(true);
    expect(csv).toContain("Recettes par pays (FCFA);Burkina Faso (BF);Recettes douanières;4477750;XOF");
  });
});


