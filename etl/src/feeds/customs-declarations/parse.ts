import { decodeText } from "../../core/text-decoding.js";
import type { Parser, SourceRecord } from "../../core/types.js";
import { BATCH_ROOT, batchExportOf, DECLARATION_ELEMENT, type BatchExport } from "./batch-export.js";
import { DeclarationCollector, type DeclarationDraft } from "./declaration-draft.js";
import { declarationKey, readDeclaration } from "./declaration-fields.js";
import type { CustomsDeclarationRow } from "./row.js";
import { declaredXmlEncoding } from "./xml-prolog.js";
import { readXmlRecords, type RecordLayout, type XmlBreak } from "./xml-records.js";

const LAYOUT: RecordLayout<DeclarationDraft> = {
  batchRoot: BATCH_ROOT,
  recordElement: DECLARATION_ELEMENT,
  newCollector: () => new DeclarationCollector(),
};

const describeBreak = (broken: XmlBreak) => `XML not well-formed at line ${broken.line}, column ${broken.column}: ${broken.message}`;

/**
 * customs-declarations (formats.md §3): one record per `ASYCUDA` element, in
 * file order, read as a stream. A well-formedness error ends parsing: the
 * declaration it falls in is quarantined with its text so far, and the rest of
 * the file becomes one more quarantined record, so no text is lost.
 */
export const parseCustomsDeclarations: Parser<CustomsDeclarationRow> = async function* (bytes, context): AsyncGenerator<SourceRecord<CustomsDeclarationRow>> {
  const encoding = await declaredXmlEncoding(bytes, context.fileName);
  let batch: BatchExport | null = null;
  for await (const event of readXmlRecords(decodeText(bytes, encoding), LAYOUT, context.fileName)) {
    const position = { line: event.line, message: 0, segment: 0 };
    if (event.kind === "remainder") {
      yield {
        index: event.ordinal,
        position,
        raw: event.raw,
        key: null,
        outcome: { ok: false, reason: "MALFORMED", detail: `${describeBreak(event.broken)}; parsing stopped at line ${event.broken.line}, so the rest of the file from line ${event.line} is kept unread` },
      };
    } else if (event.broken) {
      yield {
        index: event.ordinal,
        position,
        raw: event.raw,
        key: declarationKey(event.content),
        outcome: { ok: false, reason: "MALFORMED", detail: `${describeBreak(event.broken)}; the declaration is cut there` },
      };
    } else {
      batch ??= batchExportOf(event.root);
      const { key, outcome } = readDeclaration(event.content, batch, context.reference);
      yield { index: event.ordinal, position, raw: event.raw, key, outcome };
    }
  }
};
