import { valueAt, type Segment } from "./edifact-tokenizer.js";

/**
 * The trailer checks of a file, by ordinal: interchange n is the nth UNB of
 * the file, message n the nth UNH. Only failures are kept, with what is
 * wrong, so the memory they take grows with bad trailers, not with the file.
 */
export interface CountVerdicts {
  readonly badInterchanges: ReadonlyMap<number, string>;
  readonly badMessages: ReadonlyMap<number, string>;
}

interface OpenInterchange {
  readonly ordinal: number;
  readonly ref: string;
  messages: number;
  functionalGroups: number;
}

interface OpenMessage {
  readonly ordinal: number;
  readonly ref: string;
  segments: number;
}

const COUNT = /^\d+$/u;

/**
 * First pass over a file: a UNT must count the segments of its message (UNH
 * and UNT included) and a UNZ the messages of its interchange (or its
 * functional groups when it has UNG), each trailer repeating the reference of
 * its header. A missing trailer fails the same check.
 */
export async function checkInterchangeCounts(batches: AsyncIterable<readonly Segment[]>): Promise<CountVerdicts> {
  const badInterchanges = new Map<number, string>();
  const badMessages = new Map<number, string>();
  let interchanges = 0;
  let messages = 0;
  let interchange: OpenInterchange | null = null;
  let message: OpenMessage | null = null;

  const closeMessage = (why: string) => {
    if (message) badMessages.set(message.ordinal, `message ${message.ref}: ${why}`);
    message = null;
  };
  const closeInterchange = (why: string) => {
    if (interchange) badInterchanges.set(interchange.ordinal, `interchange ${interchange.ref}: ${why}`);
    interchange = null;
  };

  for await (const batch of batches) {
    for (const segment of batch) {
      switch (segment.tag) {
        case "UNB":
          closeMessage(`no UNT before the UNB of segment ${segment.index}`);
          closeInterchange(`no UNZ before the UNB of segment ${segment.index}`);
          interchanges++;
          interchange = { ordinal: interchanges, ref: valueAt(segment, 5), messages: 0, functionalGroups: 0 };
          break;
        case "UNG":
          if (interchange) interchange.functionalGroups++;
          break;
        case "UNH":
          closeMessage(`no UNT before the UNH of segment ${segment.index}`);
          messages++;
          message = { ordinal: messages, ref: valueAt(segment, 1), segments: 1 };
          if (interchange) interchange.messages++;
          break;
        case "UNT": {
          if (!message) break;
          const open: OpenMessage = message;
          open.segments++;
          message = null;
          const count = valueAt(segment, 1);
          const ref = valueAt(segment, 2);
          if (!COUNT.test(count) || Number(count) !== open.segments) {
            badMessages.set(open.ordinal, `UNT counts ${JSON.stringify(count)} segments, message ${open.ref} has ${open.segments} (UNH and UNT included)`);
          } else if (ref !== open.ref) {
            badMessages.set(open.ordinal, `UNT closes message ${JSON.stringify(ref)}, the UNH opened ${JSON.stringify(open.ref)}`);
          }
          break;
        }
        case "UNZ": {
          closeMessage(`no UNT before the UNZ of segment ${segment.index}`);
          if (!interchange) break;
          const open: OpenInterchange = interchange;
          interchange = null;
          const count = valueAt(segment, 1);
          const ref = valueAt(segment, 2);
          const expected = open.functionalGroups > 0 ? open.functionalGroups : open.messages;
          const what = open.functionalGroups > 0 ? "functional groups" : "messages";
          if (!COUNT.test(count) || Number(count) !== expected) {
            badInterchanges.set(open.ordinal, `UNZ counts ${JSON.stringify(count)} ${what}, interchange ${open.ref} has ${expected}`);
          } else if (ref !== open.ref) {
            badInterchanges.set(open.ordinal, `UNZ closes interchange ${JSON.stringify(ref)}, the UNB opened ${JSON.stringify(open.ref)}`);
          }
          break;
        }
        default:
          if (message) message.segments++;
      }
    }
  }
  closeMessage("the file ends before its UNT");
  closeInterchange("the file ends before its UNZ");
  return { badInterchanges, badMessages };
}
