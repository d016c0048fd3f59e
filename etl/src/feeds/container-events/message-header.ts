import { valueAt, type Segment } from "./edifact-tokenizer.js";
import type { ContainerEvent } from "./row.js";

export type MessageType = "COARRI" | "CODECO";

/** BGM document code → event, by message type. */
const EVENTS: Readonly<Record<MessageType, ReadonlyMap<string, ContainerEvent>>> = {
  COARRI: new Map([
    ["44", "DISCHARGE"],
    ["46", "LOAD"],
  ]),
  CODECO: new Map([
    ["34", "GATE_IN"],
    ["36", "GATE_OUT"],
  ]),
};

/** The DTM qualifier of the event time, by message type. */
const EVENT_TIME_QUALIFIERS: Readonly<Record<MessageType, string>> = { COARRI: "203", CODECO: "7" };

/** The event every group of a message records, or why the message names none. */
export type MessageEvent = { readonly type: MessageType; readonly event: ContainerEvent; readonly timeQualifier: string } | { readonly problem: string };

/** What a message says once for all its container groups: read from the segments before its first EQD. */
export class MessageHeader {
  readonly type: string;
  readonly ref: string;
  bgmCode: string | null = null;
  voyage = "";
  carrier = "";
  vesselImo = "";
  vesselName = "";
  terminal = "";

  constructor(
    /** The nth UNH of the file. */
    readonly ordinal: number,
    /** The nth UNB of the file that holds it; 0 for a message outside any interchange. */
    readonly interchangeOrdinal: number,
    readonly interchangeRef: string,
    unh: Segment,
  ) {
    this.ref = valueAt(unh, 1);
    this.type = valueAt(unh, 2);
  }

  /** Takes what the header needs from one of its segments; other segments (DTM+137, NAD, …) are ignored. */
  read(segment: Segment): void {
    switch (segment.tag) {
      case "BGM":
        this.bgmCode ??= valueAt(segment, 1);
        break;
      case "TDT":
        if (valueAt(segment, 1) === "20") {
          this.voyage = valueAt(segment, 2);
          this.carrier = valueAt(segment, 5) || valueAt(segment, 5, 3);
          this.vesselImo = valueAt(segment, 8);
          this.vesselName = valueAt(segment, 8, 3);
        }
        break;
      case "LOC":
        if (valueAt(segment, 1) === "165") this.terminal = valueAt(segment, 2);
        break;
    }
  }

  /** The event of every group of the message, or why there is none. */
  event(): MessageEvent {
    const type = this.type === "COARRI" || this.type === "CODECO" ? this.type : null;
    if (type === null) return { problem: `message type ${JSON.stringify(this.type)} is neither COARRI nor CODECO` };
    if (this.bgmCode === null) return { problem: `${type} message ${this.ref} has no BGM` };
    const event = EVENTS[type].get(this.bgmCode);
    if (event === undefined) {
      const codes = [...EVENTS[type].keys()].join(" or ");
      return { problem: `BGM code ${JSON.stringify(this.bgmCode)} does not fit a ${type} message (${codes})` };
    }
    return { type, event, timeQualifier: EVENT_TIME_QUALIFIERS[type] };
  }
}
