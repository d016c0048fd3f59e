/**
 * transit-movements (formats.md §4): the interconnected transit system's
 * monthly JSON Lines export, by the time each event was recorded. Times are
 * local to the office (Niamey UTC+1), mostly without an offset; a few events
 * are recorded days late and land in a later file, a few are sent twice.
 */
import { HOUR_MS, isoLocal, isoUtc, monthOf, offsetOf, offsetText, wall } from "./calendar.js";
import { officeOf, type Corridors } from "./corridors.js";
import { fileStamp, gzipMovements, monthlyWindow } from "./deliveries.js";
import { LATE_EVENT_H, LATE_EVENT_SHARE, RECORDING_DELAY_MIN, REPEATED_EVENT_SHARE } from "./durations.js";
import type { Stop } from "./journeys.js";
import { Planter, PLANT_RATE } from "./planting.js";
import type { Random } from "./random.js";
import type { FileSink, SinkRegistry } from "./sinks.js";

export interface Movement {
  readonly movement: string;
  readonly declaration: string;
  readonly route: string;
  readonly truck: string;
  readonly containers: readonly string[];
  readonly grossKg: number;
  readonly escort: boolean;
  readonly stops: readonly Stop[];
}

type MovementCode = "MALFORMED_JSON" | "MISSING_FIELD" | "BAD_DATE" | "UNKNOWN_OFFICE" | "UNKNOWN_ROUTE" | "OFFICE_NOT_ON_ROUTE" | "NEGATIVE_QUANTITY" | "BAD_NUMBER";
const CODES: readonly MovementCode[] = ["MALFORMED_JSON", "MISSING_FIELD", "BAD_DATE", "UNKNOWN_OFFICE", "UNKNOWN_ROUTE", "OFFICE_NOT_ON_ROUTE", "NEGATIVE_QUANTITY", "BAD_NUMBER"];

/** How `at` is written [E]: mostly local without an offset, some with the office's offset, some in UTC (the samples have all three). */
const AT_WITH_OFFSET_SHARE = 0.05;
const AT_IN_UTC_SHARE = 0.05;
const DELIVERY_HOUR = 0;

type Line = Record<string, unknown>;

export class TransitMovementsWriter {
  readonly #planter: Planter<MovementCode>;
  #plantedSerial = 0;

  constructor(
    private readonly sinks: SinkRegistry,
    private readonly rng: Random,
    private readonly corridors: Corridors,
    private readonly cutoff: number,
  ) {
    this.#planter = new Planter(rng.fork("plant"), PLANT_RATE, CODES);
  }

  /** One line per event the system has recorded by the cutoff. */
  write(movement: Movement): void {
    for (const stop of movement.stops) this.#event(movement, stop.event, stop.office, stop.at);
  }

  /** A movement registered and cancelled at the port before it went anywhere (its truck replaced). */
  writeCancelled(movement: Movement, cancelledAt: number): void {
    const departure = movement.stops[0];
    if (departure === undefined) return;
    this.#event(movement, departure.event, departure.office, departure.at);
    this.#event(movement, "CANCELLED", departure.office, cancelledAt);
  }

  #atText(office: string, at: number): string {
    const offset = offsetOf(officeOf(this.corridors, office).timezone, at);
    const u = this.rng.next();
    if (u < AT_IN_UTC_SHARE) return isoUtc(at);
    if (u < AT_IN_UTC_SHARE + AT_WITH_OFFSET_SHARE) return `${isoLocal(wall(at, offset))}${offsetText(offset)}`;
    return isoLocal(wall(at, offset));
  }

  #event(movement: Movement, event: string, office: string, at: number): void {
    if (at > this.cutoff) return;
    let recordedAt = at + Math.round(this.rng.lognormal(RECORDING_DELAY_MIN) * 60) * 1000;
    if (this.rng.chance(LATE_EVENT_SHARE)) recordedAt += Math.round(this.rng.lognormal(LATE_EVENT_H) * HOUR_MS / 1000) * 1000;
    if (recordedAt > this.cutoff) return;
    const line: Line = {
      movement: movement.movement,
      declaration: movement.declaration,
      route: movement.route,
      event,
      office,
      at: this.#atText(office, at),
      recordedAt: isoUtc(recordedAt),
      truck: movement.truck,
      containers: movement.containers,
      grossKg: movement.grossKg,
      escort: movement.escort,
    };
    const text = `${JSON.stringify(line)}\n`;
    const sink = this.#sink(recordedAt);
    sink.write(text);
    sink.count();
    if (this.rng.chance(REPEATED_EVENT_SHARE)) {
      // Sent again, identical, in the same or a later export: a duplicate for the ETL.
      const again = recordedAt + this.rng.between(0, 5 * 24) * HOUR_MS;
      if (again <= this.cutoff) {
        const repeatSink = this.#sink(again);
        repeatSink.write(text);
        repeatSink.count();
      }
    }
    const code = this.#planter.draw();
    if (code !== null) this.#plant(sink, code, line, at);
  }

  #sink(recordedAt: number): FileSink {
    const window = monthlyWindow(recordedAt, DELIVERY_HOUR);
    const gzip = gzipMovements(monthOf(window.start));
    return this.sinks.get(`transit-movements|${window.label}`, () => ({
      name: `${fileStamp(window)}_ITS_mouvements_${window.label}.jsonl${gzip ? ".gz" : ""}`,
      feed: "transit-movements",
      encoding: "utf8",
      bom: false,
      gzip,
      closesAt: window.end,
      header: "",
    }));
  }

  /** A line of a movement nobody else knows, with one defect. */
  #plant(sink: FileSink, code: MovementCode, valid: Line, at: number): void {
    this.#plantedSerial++;
    const year = wall(at).year;
    const bad: Line = { ...valid, movement: `TRIE-${year}-9${String(this.#plantedSerial % 100_000).padStart(5, "0")}` };
    let text: string;
    switch (code) {
      case "MALFORMED_JSON": {
        const whole = JSON.stringify(bad);
        text = whole.slice(0, Math.floor(whole.length * 0.6));
        break;
      }
      case "MISSING_FIELD":
        delete bad.at;
        text = JSON.stringify(bad);
        break;
      case "BAD_DATE":
        bad.at = `${year}-02-30T${String(valid.at).slice(11, 19)}`;
        text = JSON.stringify(bad);
        break;
      case "UNKNOWN_OFFICE":
        bad.office = "BFDRI";
        text = JSON.stringify(bad);
        break;
      case "UNKNOWN_ROUTE":
        bad.route = "TG-BF-KAY";
        text = JSON.stringify(bad);
        break;
      case "OFFICE_NOT_ON_ROUTE": {
        const route = this.corridors.routes.get(String(valid.route));
        const elsewhere = [...this.corridors.offices.keys()].filter((o) => !(route?.offices ?? []).includes(o)).sort();
        bad.office = elsewhere[this.#plantedSerial % elsewhere.length] ?? "MLBKO";
        text = JSON.stringify(bad);
        break;
      }
      case "NEGATIVE_QUANTITY":
        bad.grossKg = -Math.max(Number(valid.grossKg), 1000);
        text = JSON.stringify(bad);
        break;
      case "BAD_NUMBER":
        bad.grossKg = String(valid.grossKg).replace(/(\d)(\d{3})$/u, "$1 $2");
        text = JSON.stringify(bad);
        break;
    }
    sink.write(`${text}\n`);
    sink.count();
    sink.plant(code);
  }
}
