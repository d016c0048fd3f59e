/**
 * Parses a small, trusted, UTF-8, comma-separated CSV held in memory (RFC 4180
 * quoting). Used for the reference lists shipped with the code; the feeds go
 * through the ETL's streaming parsers, which handle dialects and any size.
 */
export interface CsvTable {
  readonly header: readonly string[];
  /** Each row with the line it started on (header = line 1). */
  readonly rows: readonly { readonly line: number; readonly values: readonly string[] }[];
}

export function parseCsvText(text: string, file: string): CsvTable {
  const records: { line: number; values: string[] }[] = [];
  let values: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const endRecord = () => {
    values.push(field);
    if (!(values.length === 1 && values[0] === "")) records.push({ line: recordLine, values });
    values = [];
    field = "";
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      values.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (quoted) throw new Error(`${file}: unterminated quoted field starting on line ${recordLine}`);
  endRecord();
  const [head, ...rows] = records;
  if (!head) throw new Error(`${file}: empty file`);
  for (const row of rows) {
    if (row.values.length !== head.values.length) throw new Error(`${file}, line ${row.line}: ${row.values.length} fields, the header has ${head.values.length}`);
  }
  return { header: head.values.map((h) => h.trim()), rows };
}
