/**
 * container-events (formats.md §2): each terminal's monthly EDIFACT
 * interchange. LCT writes a UNA and one segment per line; Togo Terminal
 * writes no UNA and everything on one line; both declare UNOC (Latin-1).
 * COARRI: one discharge and one loading report per ship call; CODECO: one
 * message per gate transaction (a truck's one or two boxes).
 */
import { edifactTime, MINUTE_MS, monthOf, pad2, wall } from "./calendar.js";
import { fileStamp, gzipLctEdi, monthlyWindow, type Window } from "./deliveries.js";
import { withWrongCheckDigit, type ContainerNumbers } from "./identifiers.js";
import { Planter, PLANT_RATE } from "./planting.js";
import type { Random } from "./random.js";
import type { FileSink, SinkRegistry } from "./sinks.js";

export type BoxEventKind = "DISCHARGE" | "LOAD" | "GATE_IN" | "GATE_OUT";

/** One container group. */
export interface BoxEvent {
  readonly containerNo: string;
  readonly sizeType: string;
  /** 2 export, 3 import, 6 transshipment. */
  readonly status: 2 | 3 | 6;
  readonly full: boolean;
  readonly billOfLading: string;
  readonly at: number;
  readonly grossKg: number;
  readonly seal: string;
  readonly haulier: string;
  readonly truckPlate: string;
  /** Final place of delivery (LOC+7), an office code, or "". */
  readonly deliveryOffice: string;
}

/** What a COARRI says of the ship (TDT+20), matching vessel-calls by IMO + voyage. */
export interface ShipRef {
  readonly voyage: string;
  readonly carrier: string;
  readonly imo: string;
  readonly vesselName: string;
}

type BoxCode = "BAD_CHECK_DIGIT" | "UNKNOWN_SIZE_TYPE" | "BAD_DATE" | "NEGATIVE_QUANTITY" | "MISSING_FIELD" | "UNKNOWN_OFFICE" | "BAD_NUMBER" | "BAD_UNT_COUNT" | "BAD_UNZ_COUNT";
const CODES: readonly BoxCode[] = ["BAD_CHECK_DIGIT", "UNKNOWN_SIZE_TYPE", "BAD_DATE", "NEGATIVE_QUANTITY", "MISSING_FIELD", "UNKNOWN_OFFICE", "BAD_NUMBER", "BAD_UNT_COUNT", "BAD_UNZ_COUNT"];

const MESSAGE: Readonly<Record<BoxEventKind, { type: "COARRI" | "CODECO"; bgm: string; qualifier: string; version: string }>> = {
  DISCHARGE: { type: "COARRI", bgm: "44", qualifier: "203", version: "ITG13" },
  LOAD: { type: "COARRI", bgm: "46", qualifier: "203", version: "ITG13" },
  GATE_IN: { type: "CODECO", bgm: "34", qualifier: "7", version: "ITG14" },
  GATE_OUT: { type: "CODECO", bgm: "36", qualifier: "7", version: "ITG14" },
};

/** Release character before the service characters (formats.md: `?'` is a literal quote). */
export function edifactEscape(text: string): string {
  return text.replace(/[?+:']/gu, (c) => `?${c}`);
}

const DELIVERY_HOUR = 6;
/** Empty box weight by size (tare) [E]. */
export function tareKg(sizeType: string): number {
  return sizeType.startsWith("2") ? 2_200 : sizeType.startsWith("L") ? 4_800 : 3_750;
}

export class ContainerEventsWriter {
  readonly #planter: Planter<BoxCode>;

  constructor(
    private readonly sinks: SinkRegistry,
    private readonly rng: Random,
    private readonly numbers: ContainerNumbers,
    private readonly cutoff: number,
  ) {
    this.#planter = new Planter(rng.fork("plant"), PLANT_RATE, CODES);
  }

  /** A discharge or loading report of one call. Groups after the cutoff are left out (not yet reported). */
  writeCoarri(terminal: string, kind: "DISCHARGE" | "LOAD", ship: ShipRef, groups: readonly BoxEvent[]): void {
    this.#message(terminal, kind, ship, groups);
  }

  /** One gate transaction. */
  writeCodeco(terminal: string, kind: "GATE_IN" | "GATE_OUT", groups: readonly BoxEvent[]): void {
    this.#message(terminal, kind, null, groups);
  }

  #message(terminal: string, kind: BoxEventKind, ship: ShipRef | null, all: readonly BoxEvent[]): void {
    const groups = all.filter((g) => g.at <= this.cutoff).sort((a, b) => a.at - b.at);
    const last = groups[groups.length - 1];
    if (last === undefined) return;
    const sink = this.#sink(terminal, monthlyWindow(last.at, DELIVERY_HOUR));
    const segments = this.#header(sink, terminal, kind, ship, last.at);
    for (const group of groups) segments.push(...groupSegments(group, kind));
    this.#emit(sink, segments, 0);
    sink.count(groups.length);
    for (let i = 0; i < groups.length; i++) {
      const code = this.#planter.draw();
      if (code !== null) this.#plant(sink, terminal, code, last.at);
    }
  }

  #sink(terminal: string, window: Window): FileSink {
    return this.sinks.get(`container-events|${terminal}|${window.label}`, () => {
      const lct = terminal === "LCT";
      const gzip = lct && gzipLctEdi(monthOf(window.start));
      const reference = String(10_000 + this.rng.fork(`interchange:${terminal}:${window.label}`).int(90_000));
      const newline = lct ? "\n" : "";
      return {
        name: `${fileStamp(window)}_${terminal}_EDI_${window.label}.edi${gzip ? ".gz" : ""}`,
        feed: "container-events",
        encoding: "latin1",
        bom: false,
        gzip,
        closesAt: window.end,
        header: `${lct ? `UNA:+.? '${newline}` : ""}${unbSegment(terminal, window, reference)}'${newline}`,
        footer: (sink) => {
          let text = `UNZ+${sink.state.get("messages") ?? 0}+${reference}'${newline}`;
          const badGroups = sink.state.get("badInterchangeGroups") ?? 0;
          if (badGroups > 0) text += this.#badInterchange(terminal, reference, badGroups, window, newline);
          return text;
        },
      };
    });
  }

  #header(sink: FileSink, terminal: string, kind: BoxEventKind, ship: ShipRef | null, lastAt: number): string[] {
    const m = MESSAGE[kind];
    const ref = sink.counter("messages");
    const documentAt = wall(lastAt + 20 * MINUTE_MS);
    const segments = [`UNH+${ref}+${m.type}:D:95B:UN:${m.version}`, `BGM+${m.bgm}+${terminal}${edifactTime(documentAt).slice(2, 8)}${String(ref).padStart(4, "0")}+9`, `DTM+137:${edifactTime(documentAt)}:203`];
    if (ship) segments.push(`TDT+20+${edifactEscape(ship.voyage)}+1++${ship.carrier}:172:166+++${ship.imo}:146::${edifactEscape(ship.vesselName)}`);
    segments.push(`LOC+165+${terminal}`);
    return segments;
  }

  /** Writes a message: its segments, then UNT with the count (off by `untError` for a planted bad count). */
  #emit(sink: FileSink, segments: string[], untError: number): void {
    const ref = sink.state.get("messages") ?? 0;
    segments.push(`UNT+${segments.length + 1 + untError}+${ref}`);
    const newline = sink.spec.name.includes("_LCT_") ? "\n" : "";
    sink.write(segments.map((s) => `${s}'${newline}`).join(""));
  }

  /** A box nothing else mentions: an empty brought back to the terminal. */
  #emptyGateIn(at: number): BoxEvent {
    return { containerNo: this.numbers.next(), sizeType: "22G1", status: 2, full: false, billOfLading: "", at, grossKg: tareKg("22G1"), seal: "", haulier: "Trans-Maritime Lomé", truckPlate: `TG-${String(1000 + this.rng.int(9000))}-KA`, deliveryOffice: "" };
  }

  #plant(sink: FileSink, terminal: string, code: BoxCode, at: number): void {
    const box = this.#emptyGateIn(at);
    sink.count();
    sink.plant(code);
    if (code === "BAD_UNZ_COUNT") {
      // Written in an extra interchange when the file closes.
      sink.counter("badInterchangeGroups");
      return;
    }
    const segments = this.#header(sink, terminal, "GATE_IN", null, at);
    let group = groupSegments(box, "GATE_IN");
    const replace = (tag: string, text: string) => (group = group.map((s) => (s.startsWith(tag) ? text : s)));
    switch (code) {
      case "BAD_CHECK_DIGIT":
        replace("EQD", `EQD+CN+${withWrongCheckDigit(box.containerNo, this.rng)}+22G1:102:5++2+4`);
        break;
      case "UNKNOWN_SIZE_TYPE":
        replace("EQD", `EQD+CN+${box.containerNo}+32G1:102:5++2+4`);
        break;
      case "BAD_DATE":
        replace("DTM", `DTM+7:${edifactTime(wall(at)).slice(0, 4)}0230${pad2(wall(at).hour)}${pad2(wall(at).minute)}:203`);
        break;
      case "NEGATIVE_QUANTITY":
        replace("MEA", `MEA+AAE+G+KGM:-${box.grossKg}`);
        break;
      case "MISSING_FIELD":
        group = group.filter((s) => !s.startsWith("DTM"));
        break;
      case "UNKNOWN_OFFICE":
        group.push("LOC+7+BFDGO");
        break;
      case "BAD_NUMBER":
        replace("MEA", `MEA+AAE+G+KGM:22OO`);
        break;
      case "BAD_UNT_COUNT":
        break;
    }
    segments.push(...group);
    this.#emit(sink, segments, code === "BAD_UNT_COUNT" ? 1 : 0);
  }

  /** A second interchange whose UNZ miscounts its messages: every group in it is refused. */
  #badInterchange(terminal: string, reference: string, groups: number, window: Window, newline: string): string {
    const ref = `${reference}9`;
    const at = window.end - 3 * 3_600_000;
    const segments = [unbSegment(terminal, window, ref)];
    const body = [`UNH+1+CODECO:D:95B:UN:ITG14`, `BGM+34+${terminal}${edifactTime(wall(at)).slice(2, 8)}9999+9`, `LOC+165+${terminal}`];
    for (let i = 0; i < groups; i++) body.push(...groupSegments(this.#emptyGateIn(at + i * MINUTE_MS), "GATE_IN"));
    body.push(`UNT+${body.length + 1}+1`);
    segments.push(...body, `UNZ+2+${ref}`);
    return segments.map((s) => `${s}'${newline}`).join("");
  }
}

/** The interchange header: UNOC (Latin-1), prepared at the delivery time. */
function unbSegment(terminal: string, window: Window, reference: string): string {
  const prepared = wall(window.deliveredAt);
  return `UNB+UNOC:3+${terminal}+PALOME+${String(prepared.year % 100).padStart(2, "0")}${pad2(prepared.month)}${pad2(prepared.day)}:${pad2(prepared.hour)}${pad2(prepared.minute)}+${reference}`;
}

/** The segments of one container group, in the samples' order. */
function groupSegments(g: BoxEvent, kind: BoxEventKind): string[] {
  const m = MESSAGE[kind];
  const segments = [`EQD+CN+${g.containerNo}+${g.sizeType}:102:5++${g.status}+${g.full ? 5 : 4}`];
  if (g.billOfLading !== "") segments.push(`RFF+BM:${edifactEscape(g.billOfLading)}`);
  segments.push(`DTM+${m.qualifier}:${edifactTime(wall(g.at))}:203`, `MEA+AAE+G+KGM:${Math.round(g.grossKg)}`);
  if (g.seal !== "") segments.push(`SEL+${edifactEscape(g.seal)}`);
  if (m.type === "CODECO" && g.truckPlate !== "") segments.push(`TDT+1++3+31+${edifactEscape(g.haulier)}+++${edifactEscape(g.truckPlate)}`);
  if (g.deliveryOffice !== "") segments.push(`LOC+7+${g.deliveryOffice}`);
  return segments;
}
