import { randomUUID } from "node:crypto";
import type { Logger, Warehouse } from "@corridor/warehouse";
import type { Principal } from "../auth/principal.js";

export interface AuditEntry {
  readonly entry: "graphql" | "csv";
  readonly principal: Principal | null;
  readonly address: string;
  readonly operationType: string;
  readonly operationName: string;
  readonly queryHash: string;
  readonly query: string;
  readonly variables: unknown;
  readonly durationMs: number;
  readonly httpStatus: number;
  readonly outcome: "ok" | "error" | "refused";
  readonly errorCodes: readonly string[];
}

interface AuditRow {
  at: string;
  request_id: string;
  entry: string;
  login: string;
  user_id: string | null;
  key_id: string;
  role: string;
  scope: string;
  address: string;
  operation_type: string;
  operation_name: string;
  query_hash: string;
  query: string;
  variables: string;
  duration_ms: number;
  http_status: number;
  outcome: string;
  error_codes: string[];
}

/** Names whose values never reach the audit table: passwords, tokens, keys, uploaded file contents. */
const SECRET = /pass|secret|token|key$|^key|content|base64/iu;

/** Variables as JSON with secrets masked, cut to `max` characters (deeply nested input is summarised, not walked forever). */
export function maskedVariables(value: unknown, max = 4000, secretNames: ReadonlySet<string> = new Set()): string {
  const mask = (v: unknown, depth: number): unknown => {
    if (depth > 8) return "…";
    if (Array.isArray(v)) return v.slice(0, 50).map((x) => mask(x, depth + 1));
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).slice(0, 50).map(([k, x]) => [k, SECRET.test(k) || (depth === 0 && secretNames.has(k)) ? "***" : mask(x, depth + 1)]));
    if (typeof v === "string" && v.length > 500) return `${v.slice(0, 500)}…`;
    return v;
  };
  const text = JSON.stringify(mask(value ?? {}, 0)) ?? "{}";
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// An argument or input field of a GraphQL document, `name: "…"`, `name: """…"""` or `name: $variable`.
// Read from the text (not the parsed document) so a document that failed to parse is masked too; the
// look-behind keeps the scan linear on a long run of name characters.
const ARGUMENT = /(?<![_0-9A-Za-z])([_A-Za-z][_0-9A-Za-z]*)(\s*:\s*)("""[\s\S]*?(?:"""|$)|"(?:[^"\\\n]|\\.)*"?|\$[_A-Za-z][_0-9A-Za-z]*)/gu;

/**
 * The document with the string literals of secret arguments and input fields
 * (`password: "…"`, `contentBase64: "…"`) replaced by "***", and the names of
 * the variables those take (`password: $pw`), whose values must be masked too.
 */
export function maskedDocument(query: string): { query: string; secretVariables: Set<string> } {
  const secretVariables = new Set<string>();
  const masked = query.replace(ARGUMENT, (whole, name: string, colon: string, value: string) => {
    if (!SECRET.test(name)) return whole;
    if (value.startsWith("$")) {
      secretVariables.add(value.slice(1));
      return whole;
    }
    return `${name}${colon}"***"`;
  });
  return { query: masked, secretVariables };
}

/**
 * Text the engine can store: an unpaired UTF-16 surrogate (valid in a JS
 * string, which a JSON body can carry as "\ud800") has no UTF-8 form, and the
 * engine refuses the whole batch holding it. It becomes U+FFFD.
 */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDFFF]/gu, "\uFFFD");
}

/** Failures that pass: the rows are kept and written later. Anything else is about the rows themselves. */
const TRANSIENT = new Set(["unavailable", "timeout", "cancelled", "locked"]);

/**
 * The audit trail: every API request, written to `audit_log` in small
 * batches (a request never waits for its audit row). The buffer is bounded:
 * if the engine cannot take rows for a long while, the oldest wait in the
 * process log instead of growing memory without end.
 */
export class AuditLog {
  private buffer: AuditRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly warehouse: Warehouse,
    private readonly logger: Logger,
    private readonly options: { readonly flushMs: number; readonly maxBuffer: number } = { flushMs: 1000, maxBuffer: 5000 },
  ) {}

  record(entry: AuditEntry): void {
    const p = entry.principal;
    const document = maskedDocument(entry.query);
    this.buffer.push({
      at: new Date().toISOString().replace("T", " ").replace("Z", ""),
      request_id: randomUUID(),
      entry: entry.entry,
      login: p?.login ?? "",
      user_id: p?.userId ?? null,
      key_id: p?.keyId ?? "",
      role: p?.role ?? "",
      scope: p?.country ?? "",
      address: wellFormed(entry.address),
      operation_type: wellFormed(entry.operationType),
      operation_name: wellFormed(entry.operationName.slice(0, 200)),
      query_hash: entry.queryHash,
      query: wellFormed(document.query.length > 8000 ? `${document.query.slice(0, 8000)}…` : document.query),
      variables: maskedVariables(entry.variables, 4000, document.secretVariables),
      duration_ms: Math.max(0, Math.round(entry.durationMs)),
      http_status: entry.httpStatus,
      outcome: entry.outcome,
      error_codes: [...new Set(entry.errorCodes)].slice(0, 20),
    });
    if (this.buffer.length > this.options.maxBuffer) {
      const dropped = this.buffer.splice(0, this.buffer.length - this.options.maxBuffer);
      this.logger.error({ dropped: dropped.length, first: dropped[0] }, "audit buffer full: oldest rows written to the process log only");
    }
    this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs);
  }

  /** Writes what is buffered; concurrent calls queue behind each other. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flushing = this.flushing.then(async () => {
      const rows = this.buffer;
      if (rows.length === 0) return;
      this.buffer = [];
      try {
        await this.warehouse.insert("audit_log", rows, { tag: "audit:write" });
      } catch (error) {
        if (TRANSIENT.has(String((error as { kind?: unknown }).kind))) {
          // Put them back for the next flush rather than lose them.
          this.buffer = [...rows, ...this.buffer];
          this.logger.error({ error: error instanceof Error ? error.message : String(error), rows: rows.length }, "audit rows not written yet; retrying");
          this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs * 5);
          return;
        }
        // The engine refused the rows themselves: one bad row must not hold back the others for ever.
        // Each is written on its own; one still refused goes to the process log instead.
        for (const row of rows) {
          try {
            await this.warehouse.insert("audit_log", [row], { tag: "audit:write-one" });
          } catch (rowError) {
            this.logger.error({ error: rowError instanceof Error ? rowError.message : String(rowError), row }, "audit row refused by the engine: kept in the process log only");
          }
        }
      }
    });
    return this.flushing;
  }

  async stop(): Promise<void> {
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
