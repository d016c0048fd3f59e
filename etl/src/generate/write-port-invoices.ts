/**
 * port-invoices (formats.md §5): monthly exports of the port authority (PAL,
 * `;` and Windows-1252, some amounts in EUR) and of the two terminals (LCT,
 * `,` UTF-8; Togo Terminal with a BOM and its own column order), as in the
 * samples. A few terminal invoices are corrected by a credit note.
 */
import { DAY_MS, HOUR_MS, isoDate, hhmmss, monthOf, wall } from "./calendar.js";
import { commaDialect, csvLine, semicolonDialect, type CsvDialect } from "./csv-dialect.js";
import { fileStamp, monthlyWindow } from "./deliveries.js";
import { yy, type Sequences } from "./identifiers.js";
import { CREDIT_NOTE_DELAY_DAYS, CREDIT_NOTE_SHARE } from "./port-charges.js";
import { Planter, PLANT_RATE } from "./planting.js";
import type { Random } from "./random.js";
import type { FileSink, SinkRegistry } from "./sinks.js";

export type FeeCode = "PORT_DUES" | "THC" | "STORAGE" | "SCANNING" | "PCJ_LEVY" | "PILOTAGE" | "TOWAGE" | "BERTH_DUES";
export type Issuer = "PAL" | "LCT" | "TTL";

export interface Invoice {
  readonly issuer: Issuer;
  readonly issuedAt: number;
  readonly fee: FeeCode;
  /** XOF whole, or EUR with cents. */
  readonly amount: number;
  readonly currency: "XOF" | "EUR";
  /** Country of the cargo; "" for ship fees. */
  readonly country: string;
  readonly callId: string;
  readonly container: string;
  readonly declaration: string;
}

type InvoiceCode = "UNKNOWN_FEE_CODE" | "UNKNOWN_CURRENCY" | "CREDIT_WITHOUT_REFERENCE" | "BAD_DATE" | "BAD_NUMBER" | "MISSING_FIELD";
const CODES: readonly InvoiceCode[] = ["UNKNOWN_FEE_CODE", "UNKNOWN_CURRENCY", "CREDIT_WITHOUT_REFERENCE", "BAD_DATE", "BAD_NUMBER", "MISSING_FIELD"];

const COLUMNS = ["invoice_no", "issued_at", "fee_code", "amount", "currency", "country", "call_id", "container", "declaration", "credit_note_of"] as const;
type Column = (typeof COLUMNS)[number];
/** Togo Terminal's export: upper-case header, another column order (the sample). */
const TTL_COLUMNS: readonly Column[] = ["currency", "invoice_no", "amount", "fee_code", "issued_at", "country", "container", "declaration", "call_id", "credit_note_of"];

interface IssuerFormat {
  readonly dialect: CsvDialect;
  readonly encoding: "utf8" | "latin1";
  readonly bom: boolean;
  readonly columns: readonly Column[];
  readonly upperHeader: boolean;
  /** Issue time as the issuer writes it. */
  readonly time: (ms: number, creditNote: boolean) => string;
  readonly number: (year: number, n: number) => string;
}

const PAL_DIALECT = semicolonDialect();
const LCT_DIALECT = commaDialect("\n");
const TTL_DIALECT = commaDialect();

const FORMATS: Readonly<Record<Issuer, IssuerFormat>> = {
  PAL: { dialect: PAL_DIALECT, encoding: "latin1", bom: false, columns: COLUMNS, upperHeader: false, time: (ms) => PAL_DIALECT.time(ms), number: (year, n) => `PAL/${yy(year)}/${String(n).padStart(6, "0")}` },
  LCT: {
    dialect: LCT_DIALECT,
    encoding: "utf8",
    bom: false,
    columns: COLUMNS,
    upperHeader: false,
    // LCT's billing system writes seconds, and an explicit offset on credit notes (the sample).
    time: (ms, creditNote) => {
      const w = wall(ms);
      return creditNote ? `${isoDate(w)}T${hhmmss(w)}+00:00` : `${isoDate(w)} ${hhmmss(w)}`;
    },
    number: (year, n) => `LCT-${yy(year)}-${String(n).padStart(7, "0")}`,
  },
  TTL: {
    dialect: TTL_DIALECT,
    encoding: "utf8",
    bom: true,
    columns: TTL_COLUMNS,
    upperHeader: true,
    time: (ms) => semicolonDialect().time(ms),
    number: (year, n) => `TTL${yy(year)}${String(n).padStart(6, "0")}`,
  },
};

const DELIVERY_HOUR = 6;

export class PortInvoicesWriter {
  readonly #planter: Planter<InvoiceCode>;

  constructor(
    private readonly sinks: SinkRegistry,
    private readonly rng: Random,
    private readonly sequences: Sequences,
    private readonly cutoff: number,
  ) {
    this.#planter = new Planter(rng.fork("plant"), PLANT_RATE, CODES);
  }

  /** Writes an invoice issued by the cutoff; returns its number ("" when it falls after the cutoff). */
  issue(invoice: Invoice): string {
    if (invoice.issuedAt > this.cutoff) return "";
    const number = this.#number(invoice.issuer, invoice.issuedAt);
    this.#write(invoice, number, "", invoice.amount);
    if ((invoice.fee === "THC" || invoice.fee === "STORAGE") && this.rng.chance(CREDIT_NOTE_SHARE)) {
      const issuedAt = invoice.issuedAt + this.rng.between(CREDIT_NOTE_DELAY_DAYS[0], CREDIT_NOTE_DELAY_DAYS[1]) * DAY_MS;
      const credited = this.rng.chance(0.5) ? invoice.amount : Math.round(invoice.amount / 2);
      if (issuedAt <= this.cutoff) this.#write({ ...invoice, issuedAt: Math.round(issuedAt / 60_000) * 60_000 }, this.#number(invoice.issuer, issuedAt), number, -credited);
    }
    return number;
  }

  #number(issuer: Issuer, at: number): string {
    const year = monthOf(at).year;
    return FORMATS[issuer].number(year, this.sequences.next(`invoice:${issuer}:${year}`, 1_000, 90_000));
  }

  #sink(issuer: Issuer, at: number): FileSink {
    const window = monthlyWindow(at, DELIVERY_HOUR);
    const format = FORMATS[issuer];
    return this.sinks.get(`invoices|${issuer}|${window.label}`, () => ({
      name: `${fileStamp(window)}_${issuer}_factures_${window.label}.csv`,
      feed: "port-invoices",
      encoding: format.encoding,
      bom: format.bom,
      gzip: false,
      closesAt: window.end,
      header: csvLine(
        format.columns.map((c) => (format.upperHeader ? c.toUpperCase() : c)),
        format.dialect,
      ),
    }));
  }

  #fields(invoice: Invoice, number: string, creditNoteOf: string, amount: number): Record<Column, string> {
    const format = FORMATS[invoice.issuer];
    return {
      invoice_no: number,
      issued_at: format.time(invoice.issuedAt, creditNoteOf !== ""),
      fee_code: invoice.fee,
      amount: format.dialect.number(amount, invoice.currency === "EUR" ? 2 : 0),
      currency: invoice.currency,
      country: invoice.country,
      call_id: invoice.callId,
      container: invoice.container,
      declaration: invoice.declaration,
      credit_note_of: creditNoteOf,
    };
  }

  #write(invoice: Invoice, number: string, creditNoteOf: string, amount: number): void {
    const sink = this.#sink(invoice.issuer, invoice.issuedAt);
    const format = FORMATS[invoice.issuer];
    const fields = this.#fields(invoice, number, creditNoteOf, amount);
    sink.write(csvLine(format.columns.map((c) => fields[c]), format.dialect));
    sink.count();
    const code = this.#planter.draw();
    if (code === null) return;
    const bad = this.#fields(invoice, this.#number(invoice.issuer, invoice.issuedAt), "", Math.abs(amount));
    switch (code) {
      case "UNKNOWN_FEE_CODE":
        bad.fee_code = "SURESTARIES";
        break;
      case "UNKNOWN_CURRENCY":
        bad.currency = "USD";
        break;
      case "CREDIT_WITHOUT_REFERENCE":
        bad.amount = format.dialect.number(-Math.abs(amount), invoice.currency === "EUR" ? 2 : 0);
        break;
      case "BAD_DATE":
        bad.issued_at = bad.issued_at.replace(/\d{2}:\d{2}/u, "24:30");
        break;
      case "BAD_NUMBER":
        bad.amount = `${bad.amount} FCFA`;
        break;
      case "MISSING_FIELD":
        bad.fee_code = "";
        break;
    }
    sink.write(csvLine(format.columns.map((c) => bad[c]), format.dialect));
    sink.count();
    sink.plant(code);
  }
}

/** An invoice issued a little after the event that causes it. */
export function issuedAfter(at: number, rng: Random, maxHours = 4): number {
  return Math.round((at + rng.between(0.25, maxHours) * HOUR_MS) / 60_000) * 60_000;
}
