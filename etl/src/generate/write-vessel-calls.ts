/**
 * vessel-calls (formats.md §1): the port authority's monthly export of the
 * calls that arrived in the month. A ship still at berth at delivery has no
 * departed_at yet; the next month's file sends the call again, complete
 * (the samples' escales_A and escales_B).
 */
import { HOUR_MS, monthOf } from "./calendar.js";
import { commaDialect, csvLine, semicolonDialect, type CsvDialect } from "./csv-dialect.js";
import { fileStamp, monthlyWindow, palCallsUseCommaDialect, type Window } from "./deliveries.js";
import { withWrongImoDigit, yy } from "./identifiers.js";
import { Planter, PLANT_RATE_VESSEL_CALLS } from "./planting.js";
import type { Random } from "./random.js";
import type { FileSink, SinkRegistry } from "./sinks.js";

export interface VesselCallRecord {
  readonly callId: string;
  readonly vesselName: string;
  readonly imo: string;
  readonly voyage: string;
  readonly terminal: string;
  readonly arrivedAt: number;
  readonly berthedAt: number;
  readonly departedAt: number;
  readonly teuDischarged: number;
  readonly teuLoaded: number;
  readonly tonnesDischarged: number;
  readonly tonnesLoaded: number;
}

const HEADER = ["call_id", "vessel_name", "imo", "voyage", "terminal", "arrived_at", "berthed_at", "departed_at", "teu_discharged", "teu_loaded", "tonnes_discharged", "tonnes_loaded"];
const DELIVERY_HOUR = 7;

type CallCode = "BAD_IMO" | "BAD_TIME_ORDER" | "BAD_DATE" | "MISSING_FIELD" | "UNKNOWN_TERMINAL" | "NEGATIVE_QUANTITY" | "BAD_NUMBER";
const CODES: readonly CallCode[] = ["BAD_IMO", "BAD_TIME_ORDER", "BAD_DATE", "MISSING_FIELD", "UNKNOWN_TERMINAL", "NEGATIVE_QUANTITY", "BAD_NUMBER"];

/** A row's fields as text, before the dialect joins them. */
interface RowText {
  callId: string;
  vesselName: string;
  imo: string;
  voyage: string;
  terminal: string;
  arrivedAt: string;
  berthedAt: string;
  departedAt: string;
  teuDischarged: string;
  teuLoaded: string;
  tonnesDischarged: string;
  tonnesLoaded: string;
}

export class VesselCallsWriter {
  readonly #planter: Planter<CallCode>;
  #plantedSerial = 0;

  constructor(
    private readonly sinks: SinkRegistry,
    private readonly rng: Random,
    private readonly cutoff: number,
  ) {
    this.#planter = new Planter(rng.fork("plant"), PLANT_RATE_VESSEL_CALLS, CODES);
  }

  /** Writes the call in the file of its arrival month, and again in later files until its departure is known. */
  write(call: VesselCallRecord): void {
    let window = monthlyWindow(call.arrivedAt, DELIVERY_HOUR);
    for (;;) {
      const asOf = Math.min(window.deliveredAt, this.cutoff);
      if (call.berthedAt > asOf) {
        if (window.end > this.cutoff) return;
      } else {
        const complete = call.departedAt <= asOf;
        this.#writeRow(window, call, complete);
        if (complete) return;
      }
      if (window.end > this.cutoff) return;
      window = monthlyWindow(window.end, DELIVERY_HOUR);
    }
  }

  #sink(window: Window): { sink: FileSink; dialect: CsvDialect } {
    const comma = palCallsUseCommaDialect(monthOf(window.start));
    const dialect = comma ? commaDialect() : semicolonDialect();
    const sink = this.sinks.get(`vessel-calls|${window.label}`, () => ({
      name: `${fileStamp(window)}_PAL_escales_${window.label}.csv`,
      feed: "vessel-calls",
      encoding: comma ? "utf8" : "latin1",
      bom: false,
      gzip: false,
      closesAt: window.end,
      header: csvLine(HEADER, dialect),
    }));
    return { sink, dialect };
  }

  #writeRow(window: Window, call: VesselCallRecord, complete: boolean): void {
    const { sink, dialect } = this.#sink(window);
    const text: RowText = {
      callId: call.callId,
      vesselName: call.vesselName,
      imo: call.imo,
      voyage: call.voyage,
      terminal: call.terminal,
      arrivedAt: dialect.time(call.arrivedAt),
      berthedAt: dialect.time(call.berthedAt),
      departedAt: complete ? dialect.time(call.departedAt) : "",
      teuDischarged: dialect.number(call.teuDischarged, 2).replace(/[.,]00$/u, ""),
      // Loading is reported with the departure: a ship at berth shows nothing loaded yet.
      teuLoaded: complete ? dialect.number(call.teuLoaded, 2).replace(/[.,]00$/u, "") : "0",
      tonnesDischarged: dialect.number(call.tonnesDischarged, 1),
      tonnesLoaded: complete ? dialect.number(call.tonnesLoaded, 1) : dialect.number(0, 1),
    };
    sink.write(this.#line(text, dialect));
    sink.count();
    const code = this.#planter.draw();
    if (code !== null) {
      sink.write(this.#line(this.#bad(code, call, text, dialect), dialect));
      sink.count();
      sink.plant(code);
    }
  }

  #line(t: RowText, dialect: CsvDialect): string {
    return csvLine([t.callId, t.vesselName, t.imo, t.voyage, t.terminal, t.arrivedAt, t.berthedAt, t.departedAt, t.teuDischarged, t.teuLoaded, t.tonnesDischarged, t.tonnesLoaded], dialect);
  }

  /** A call no other feed mentions (its own id), with one defect. */
  #bad(code: CallCode, call: VesselCallRecord, valid: RowText, dialect: CsvDialect): RowText {
    this.#plantedSerial++;
    const t: RowText = { ...valid, callId: `LFW-${yy(monthOf(call.arrivedAt).year)}-${9000 + (this.#plantedSerial % 1000)}` };
    switch (code) {
      case "BAD_IMO":
        t.imo = withWrongImoDigit(call.imo, this.rng);
        break;
      case "BAD_TIME_ORDER":
        t.berthedAt = dialect.time(call.arrivedAt - 2 * HOUR_MS);
        break;
      case "BAD_DATE":
        t.arrivedAt = t.arrivedAt.replace(/\d{2}:\d{2}$/u, "24:30");
        break;
      case "MISSING_FIELD":
        t.vesselName = "";
        break;
      case "UNKNOWN_TERMINAL":
        t.terminal = "QSUD";
        break;
      case "NEGATIVE_QUANTITY":
        t.tonnesDischarged = `-${dialect.number(Math.max(call.tonnesDischarged, 12.5), 1)}`;
        break;
      case "BAD_NUMBER":
        t.teuDischarged = `${valid.teuDischarged} EVP`;
        break;
    }
    return t;
  }
}
