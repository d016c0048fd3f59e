import type { Parser, ParseContext, SourceRecord } from "../../core/types.js";
import { containerGroupResult, type GroupResult } from "./container-group.js";
import { decodeEdifact, detectEdifactCharset } from "./edifact-charset.js";
import { tokenizeEdifact, valueAt, type Segment } from "./edifact-tokenizer.js";
import { checkInterchangeCounts, type CountVerdicts } from "./interchange-counts.js";
import { MessageHeader } from "./message-header.js";
import type { ContainerEventRow } from "./row.js";

/** Segments that end a container group besides the next EQD: a group never spans a message trailer or an envelope. */
const GROUP_ENDS: ReadonlySet<string> = new Set(["UNT", "UNH", "UNZ", "UNB", "UNG", "UNE"]);

/** Trailer verdicts come before the group's own checks: a whole message or interchange is refused, whatever its groups hold. */
function groupResult(segments: readonly Segment[], header: MessageHeader | null, verdicts: CountVerdicts, context: ParseContext): GroupResult {
  if (header === null) return { outcome: { ok: false, reason: "MALFORMED", detail: "container group outside a message (no UNH before it)" }, key: null };
  const result = containerGroupResult(segments, header, context);
  // No candidate on these refusals: the groups may read well, and a corrected re-delivery with the same content must still load.
  const refuse = (reason: "MALFORMED" | "BAD_UNT_COUNT" | "BAD_UNZ_COUNT", detail: string): GroupResult => ({ outcome: { ok: false, reason, detail }, key: result.key });
  if (header.interchangeOrdinal === 0) return refuse("MALFORMED", `message ${header.ref} is outside an interchange (no UNB before it)`);
  const badInterchange = verdicts.badInterchanges.get(header.interchangeOrdinal);
  if (badInterchange !== undefined) return refuse("BAD_UNZ_COUNT", badInterchange);
  const badMessage = verdicts.badMessages.get(header.ordinal);
  if (badMessage !== undefined) return refuse("BAD_UNT_COUNT", badMessage);
  return result;
}

/**
 * Container events, UN/EDIFACT COARRI and CODECO (formats.md §2): one record
 * per container group. A wrong UNT or UNZ count refuses groups that come
 * before the trailer, so the file is read twice: a first pass checks the
 * trailers, keeping only the failures; the second yields the records. Neither
 * holds more than one container group.
 */
export const parseContainerEvents: Parser<ContainerEventRow> = async function* (bytes, context) {
  const charset = await detectEdifactCharset(bytes, context.fileName);
  const verdicts = await checkInterchangeCounts(tokenizeEdifact(decodeEdifact(bytes, charset)));

  let interchanges = 0;
  /** 0 between a UNZ and the next UNB. */
  let interchangeOrdinal = 0;
  let interchangeRef = "";
  let messageOrdinal = 0;
  let header: MessageHeader | null = null;
  let group: Segment[] | null = null;
  let index = 0;

  const record = (segments: Segment[]): SourceRecord<ContainerEventRow> => {
    const [eqd] = segments as [Segment, ...Segment[]];
    const { outcome, key } = groupResult(segments, header, verdicts, context);
    index++;
    return {
      index,
      position: { message: header?.ordinal ?? 0, segment: eqd.index, line: eqd.line },
      raw: segments.map((s) => s.raw + s.separators.terminator).join(""),
      key,
      outcome,
    };
  };

  for await (const batch of tokenizeEdifact(decodeEdifact(bytes, charset))) {
    for (const segment of batch) {
      const tag = segment.tag;
      if (group !== null && (tag === "EQD" || GROUP_ENDS.has(tag))) {
        yield record(group);
        group = null;
      }
      switch (tag) {
        case "EQD":
          group = [segment];
          break;
        case "UNB":
          interchanges++;
          interchangeOrdinal = interchanges;
          interchangeRef = valueAt(segment, 5);
          header = null;
          break;
        case "UNH":
          messageOrdinal++;
          header = new MessageHeader(messageOrdinal, interchangeOrdinal, interchangeRef, segment);
          break;
        case "UNT":
          header = null;
          break;
        case "UNZ":
          header = null;
          interchangeOrdinal = 0;
          break;
        default:
          if (group !== null) group.push(segment);
          else header?.read(segment);
      }
    }
  }
  if (group !== null) yield record(group);
};
