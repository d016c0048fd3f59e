import PDFDocument from "pdfkit";
import type { Language } from "../report-records.js";
import { formatChange, formatDateTime, formatPeriod, formatValue } from "../document/number-format.js";
import { cellText, pick, type BarChart, type Cell, type ReportDocument, type Table, type ValueKind } from "../document/report-document.js";
import { winAnsi } from "./pdf-text.js";

type Doc = InstanceType<typeof PDFDocument>;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 78, bottom: 56, left: 48, right: 48 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const COLOURS = { brand: "#0b4f6c", accent: "#c9732b", text: "#1a1a1a", muted: "#5c6670", rule: "#c8d0d8", header: "#e4ecf2", zebra: "#f5f8fa", ok: "#2e7d32", warn: "#b26a00", bad: "#b3261e" };
const SERIES = ["#0b4f6c", "#c9732b", "#8aa9bd", "#6b8e23"];

const WORDS = {
  fr: { observatory: "Observatoire du corridor Lomé–AES", page: (n: number, of: number) => `Page ${n} sur ${of}`, produced: "Produit le", period: "Période", previous: "Comparée à la période précédente", yearAgo: "et à la même période il y a un an", zone: "Fuseau horaire", filters: "Filtres", schedule: "Programmation", freshness: "Fraîcheur des données (dernier événement chargé par flux)", vsPrevious: "vs période préc.", vsYear: "sur un an", none: "aucune donnée" },
  en: { observatory: "Lomé–AES Corridor Observatory", page: (n: number, of: number) => `Page ${n} of ${of}`, produced: "Produced on", period: "Period", previous: "Compared with the previous period", yearAgo: "and with the same period a year earlier", zone: "Time zone", filters: "Filters", schedule: "Schedule", freshness: "Data freshness (latest event loaded per feed)", vsPrevious: "vs previous", vsYear: "over a year", none: "no data" },
} as const;

/** Writes text at a place, never letting pdfkit add a page on its own: pages are ours to break. */
function put(doc: Doc, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}): void {
  doc.text(winAnsi(text), x, y, { lineBreak: true, ...options });
}

function height(doc: Doc, text: string, width: number): number {
  return doc.heightOfString(winAnsi(text), { width });
}

class Layout {
  y = MARGIN.top;
  constructor(
    readonly doc: Doc,
    readonly language: Language,
  ) {}

  /** Starts a new page when `needed` points do not fit on this one. */
  ensure(needed: number): void {
    if (this.y + needed > BOTTOM) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  heading(text: string, size = 14): void {
    this.doc.font("Helvetica-Bold").fontSize(size);
    this.ensure(height(this.doc, text, CONTENT_WIDTH) + 60); // a heading never ends a page
    this.doc.fillColor(COLOURS.brand);
    put(this.doc, text, MARGIN.left, this.y, { width: CONTENT_WIDTH });
    this.y = this.doc.y + 6;
    this.doc.fillColor(COLOURS.text);
  }

  paragraph(text: string, size = 9, colour: string = COLOURS.text, font = "Helvetica"): void {
    this.doc.font(font).fontSize(size);
    const h = height(this.doc, text, CONTENT_WIDTH);
    this.ensure(h);
    this.doc.fillColor(colour);
    put(this.doc, text, MARGIN.left, this.y, { width: CONTENT_WIDTH });
    this.y += h + 6;
    this.doc.fillColor(COLOURS.text);
  }
}

function cellString(cell: Cell, kind: ValueKind, language: Language, timeZone: string): string {
  const value = cellText(cell, language);
  return formatValue(value, kind, language, timeZone);
}

/** A table that breaks across pages, its header row repeated on each. */
function drawTable(layout: Layout, table: Table, timeZone: string): void {
  const { doc, language } = layout;
  layout.doc.font("Helvetica-Bold").fontSize(10);
  layout.ensure(60);
  doc.fillColor(COLOURS.text);
  put(doc, pick(table.title, language), MARGIN.left, layout.y, { width: CONTENT_WIDTH });
  layout.y = doc.y + 4;
  const pad = 3;
  const headers = table.columns.map((c) => pick(c.label, language));
  const body = table.rows.map((row, r) =>
    table.columns.map((c, i) => {
      const kind = c.kind === "row" ? (table.rowKinds?.[r] ?? "decimal") : c.kind;
      return cellString(row[i] ?? null, kind, language, timeZone);
    }),
  );
  // Numbers never wrap: each numeric column gets at least its widest value; text columns share the rest.
  let fontSize = table.columns.length > 7 ? 7 : 8;
  let widths: number[] = [];
  for (; fontSize >= 5.5; fontSize -= 0.5) {
    doc.font("Helvetica").fontSize(fontSize);
    const valueWidth = (i: number) => Math.max(0, ...body.map((cells) => doc.widthOfString(winAnsi(cells[i] ?? "")))) + 2 * pad + 1;
    doc.font("Helvetica-Bold");
    const headerWord = (i: number) => Math.max(...(headers[i] ?? "").split(/\s+/u).map((w) => doc.widthOfString(winAnsi(w)))) + 2 * pad + 1;
    const natural = table.columns.map((c, i) => (c.kind === "text" ? Math.max(70, headerWord(i)) : Math.max(valueWidth(i), headerWord(i))));
    const numeric = natural.reduce((sum, w, i) => sum + (table.columns[i]?.kind === "text" ? 0 : w), 0);
    const textColumns = table.columns.filter((c) => c.kind === "text").length;
    const textMinimum = natural.reduce((sum, w, i) => sum + (table.columns[i]?.kind === "text" ? w : 0), 0);
    if (numeric + textMinimum <= CONTENT_WIDTH || fontSize <= 5.5) {
      const spare = CONTENT_WIDTH - numeric - textMinimum;
      // Spare room goes to text columns (names wrap less); without any, spread over every column.
      widths = natural.map((w, i) => (textColumns > 0 ? (table.columns[i]?.kind === "text" ? w + spare / textColumns : w) : w + spare / natural.length));
      break;
    }
  }
  const rowHeight = (texts: string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(fontSize);
    return Math.max(...texts.map((t, i) => height(doc, t, (widths[i] ?? 40) - 2 * pad))) + 2 * pad;
  };
  const drawRow = (texts: string[], kinds: ("text" | "number")[], y: number, h: number, bold: boolean, fill: string | null) => {
    if (fill) doc.rect(MARGIN.left, y, CONTENT_WIDTH, h).fill(fill);
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(fontSize).fillColor(COLOURS.text);
    let x = MARGIN.left;
    texts.forEach((t, i) => {
      const w = widths[i] ?? 40;
      put(doc, t, x + pad, y + pad, { width: w - 2 * pad, align: kinds[i] === "text" ? "left" : "right" });
      x += w;
    });
    doc.moveTo(MARGIN.left, y + h).lineTo(MARGIN.left + CONTENT_WIDTH, y + h).lineWidth(0.4).strokeColor(COLOURS.rule).stroke();
  };
  const headerKinds = table.columns.map((c) => (c.kind === "text" ? "text" : "number") as "text" | "number");
  const headerHeight = rowHeight(headers, true);
  const header = () => {
    drawRow(headers, headerKinds, layout.y, headerHeight, true, COLOURS.header);
    layout.y += headerHeight;
  };
  layout.ensure(headerHeight + 20);
  header();
  if (table.rows.length === 0) {
    layout.paragraph(WORDS[language].none, 8, COLOURS.muted, "Helvetica-Oblique");
    layout.y += 6;
    return;
  }
  body.forEach((texts, r) => {
    const h = rowHeight(texts, false);
    if (layout.y + h > BOTTOM) {
      layout.newPage();
      header();
    }
    drawRow(texts, headerKinds, layout.y, h, false, r % 2 === 1 ? COLOURS.zebra : null);
    layout.y += h;
  });
  if (table.note) layout.paragraph(pick(table.note, language), 7.5, COLOURS.muted);
  layout.y += 12;
}

/** Grouped bars, as vectors: gridlines with values, one group per category, the legend under it. */
function drawChart(layout: Layout, chart: BarChart, timeZone: string): void {
  const { doc, language } = layout;
  const plotHeight = 150;
  layout.ensure(plotHeight + 80);
  doc.font("Helvetica-Bold").fontSize(10).fillColor(COLOURS.text);
  put(doc, pick(chart.title, language), MARGIN.left, layout.y, { width: CONTENT_WIDTH });
  const top = doc.y + 8;
  const axisWidth = 62;
  const left = MARGIN.left + axisWidth;
  const width = CONTENT_WIDTH - axisWidth;
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const max = Math.max(1, ...values);
  // A round top of scale: 1, 2 or 5 times a power of ten.
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s * 4 >= max) ?? magnitude * 10;
  const scaleTop = step * 4;
  doc.font("Helvetica").fontSize(7);
  for (let i = 0; i <= 4; i++) {
    const y = top + plotHeight - (plotHeight * i) / 4;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.4).strokeColor(COLOURS.rule).stroke();
    doc.fillColor(COLOURS.muted);
    put(doc, formatValue(step * i, chart.kind === "xof" ? "xof" : chart.kind === "hours" ? "hours" : chart.kind === "tonnes" ? "decimal" : "integer", language, timeZone), MARGIN.left, y - 4, { width: axisWidth - 6, align: "right" });
  }
  const groups = Math.max(1, chart.categories.length);
  const groupWidth = width / groups;
  const barWidth = Math.min(28, (groupWidth * 0.8) / Math.max(1, chart.series.length));
  chart.categories.forEach((category, g) => {
    const groupLeft = left + g * groupWidth + (groupWidth - barWidth * chart.series.length) / 2;
    chart.series.forEach((series, s) => {
      const value = series.values[g];
      if (value === null || value === undefined || !Number.isFinite(value)) return;
      const h = (plotHeight * Math.max(0, value)) / scaleTop;
      doc.rect(groupLeft + s * barWidth, top + plotHeight - h, barWidth - 1, h).fill(SERIES[s % SERIES.length] as string);
    });
    const raw = cellText(category, language);
    const label = typeof raw === "string" && /^\d{4}-\d{2}-\d{2}$/u.test(raw) ? `${raw.slice(8, 10)}/${raw.slice(5, 7)}` : String(raw ?? "");
    doc.fillColor(COLOURS.text).font("Helvetica").fontSize(7);
    put(doc, label, left + g * groupWidth, top + plotHeight + 3, { width: groupWidth, align: "center" });
  });
  let x = left;
  const legendY = top + plotHeight + 18;
  chart.series.forEach((series, s) => {
    doc.rect(x, legendY + 1, 8, 8).fill(SERIES[s % SERIES.length] as string);
    const label = pick(series.label, language);
    doc.fillColor(COLOURS.text).font("Helvetica").fontSize(8);
    put(doc, label, x + 11, legendY, { width: 150 });
    x += 11 + doc.widthOfString(winAnsi(label)) + 16;
  });
  layout.y = legendY + 22;
}

function drawFirstPage(layout: Layout, document: ReportDocument): void {
  const { doc, language } = layout;
  const w = WORDS[language];
  doc.font("Helvetica-Bold").fontSize(20).fillColor(COLOURS.brand);
  put(doc, pick(document.title, language), MARGIN.left, layout.y, { width: CONTENT_WIDTH });
  layout.y = doc.y + 4;
  doc.font("Helvetica-Bold").fontSize(13).fillColor(COLOURS.text);
  put(doc, formatPeriod(document.period, language), MARGIN.left, layout.y, { width: CONTENT_WIDTH });
  layout.y = doc.y + 8;
  const facts = [
    `${w.previous} (${formatPeriod(document.previousPeriod, language)}) ${w.yearAgo} (${formatPeriod(document.yearAgoPeriod, language)}).`,
    `${w.schedule} : ${document.scheduleName}. ${w.zone} : ${document.timeZone}. ${w.filters} : ${pick(document.filters, language)}.`,
    `${w.produced} ${formatDateTime(document.generatedAt, language, document.timeZone)}.`,
  ];
  for (const fact of facts) layout.paragraph(language === "en" ? fact.replaceAll(" : ", ": ") : fact, 9, COLOURS.muted);
  // The data check stands out: a report on stale or missing data says so before any figure.
  const colour = document.check.state === "ok" ? COLOURS.ok : document.check.state === "stale" ? COLOURS.warn : COLOURS.bad;
  doc.font("Helvetica-Bold").fontSize(9.5);
  const note = pick(document.check.note, language);
  const boxHeight = height(doc, note, CONTENT_WIDTH - 20) + 14;
  layout.ensure(boxHeight + 10);
  doc.rect(MARGIN.left, layout.y, CONTENT_WIDTH, boxHeight).lineWidth(1.2).strokeColor(colour).stroke();
  doc.rect(MARGIN.left, layout.y, 5, boxHeight).fill(colour);
  doc.fillColor(colour).font("Helvetica-Bold").fontSize(9.5);
  put(doc, note, MARGIN.left + 14, layout.y + 7, { width: CONTENT_WIDTH - 20 });
  layout.y += boxHeight + 14;
  // Key figures, three to a row.
  const boxWidth = (CONTENT_WIDTH - 2 * 10) / 3;
  const boxH = 62;
  document.highlights.forEach((h, i) => {
    if (i % 3 === 0) {
      if (i > 0) layout.y += boxH + 10;
      layout.ensure(boxH + 10);
    }
    const x = MARGIN.left + (i % 3) * (boxWidth + 10);
    doc.rect(x, layout.y, boxWidth, boxH).fill(COLOURS.zebra);
    doc.fillColor(COLOURS.muted).font("Helvetica").fontSize(8);
    put(doc, pick(h.label, language), x + 8, layout.y + 6, { width: boxWidth - 16 });
    doc.fillColor(COLOURS.brand).font("Helvetica-Bold").fontSize(15);
    put(doc, formatValue(h.value, h.kind, language), x + 8, layout.y + 20, { width: boxWidth - 16 });
    doc.fillColor(COLOURS.muted).font("Helvetica").fontSize(7.5);
    const change = (v: number | null) => (v === null ? "—" : formatChange(v, language));
    put(doc, `${change(h.previousChange)} ${w.vsPrevious} · ${change(h.yearAgoChange)} ${w.vsYear}`, x + 8, layout.y + 44, { width: boxWidth - 16 });
  });
  if (document.highlights.length > 0) layout.y += boxH + 18;
  layout.heading(w.freshness, 10);
  for (const f of document.dataAsOf) layout.paragraph(`${pick(f.label, language)} : ${f.lastEventAt ? formatDateTime(f.lastEventAt, language, document.timeZone) : "—"}`.replace(" : ", language === "en" ? ": " : " : "), 8.5);
  layout.y += 8;
}

/** Letterhead and page numbers, drawn on every page once the page count is known. */
function drawFurniture(doc: Doc, document: ReportDocument, language: Language): void {
  const range = doc.bufferedPageRange();
  const w = WORDS[language];
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Drawing outside the margins must not make pdfkit add pages.
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.rect(0, 0, PAGE.width, 46).fill(COLOURS.brand);
    doc.rect(0, 46, PAGE.width, 3).fill(COLOURS.accent);
    doc.fillColor("#ffffff").font("Helvetica-Bold").fontSize(12);
    put(doc, w.observatory, MARGIN.left, 17, { width: 280, lineBreak: false });
    doc.font("Helvetica").fontSize(8);
    put(doc, `${pick(document.title, language)}\n${formatPeriod(document.period, language)}`, PAGE.width - MARGIN.right - 260, 13, { width: 260, align: "right" });
    doc.moveTo(MARGIN.left, PAGE.height - 38).lineTo(PAGE.width - MARGIN.right, PAGE.height - 38).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
    doc.fillColor(COLOURS.muted).font("Helvetica").fontSize(7.5);
    put(doc, `${w.observatory} · ${w.produced} ${formatDateTime(document.generatedAt, language, document.timeZone)}`, MARGIN.left, PAGE.height - 32, { width: 330, lineBreak: false });
    put(doc, w.page(i - range.start + 1, range.count), PAGE.width - MARGIN.right - 120, PAGE.height - 32, { width: 120, align: "right", lineBreak: false });
    doc.page.margins = margins;
  }
}

/**
 * The report as an A4 PDF in one language, made on the server with pdfkit:
 * real text (selectable, searchable), vector charts, tables that break across
 * pages with their header repeated, a letterhead and page numbers.
 */
export function renderPdf(document: ReportDocument, language: Language): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: language === "fr" ? "fr-FR" : "en-GB",
    displayTitle: true,
    info: { Title: winAnsi(`${pick(document.title, language)} — ${formatPeriod(document.period, language)}`), Author: winAnsi(WORDS[language].observatory), Subject: winAnsi(document.scheduleName), CreationDate: new Date(document.generatedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const layout = new Layout(doc, language);
  drawFirstPage(layout, document);
  for (const section of document.sections) {
    layout.y += 4;
    layout.heading(pick(section.title, language));
    if (section.intro) layout.paragraph(pick(section.intro, language), 8.5, COLOURS.muted);
    if (section.chart) drawChart(layout, section.chart, document.timeZone);
    for (const table of section.tables) drawTable(layout, table, document.timeZone);
  }
  drawFurniture(doc, document, language);
  doc.end();
  return finished;
}
