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
export function maskedVariables(value: unknown, max = 4000): string {
  const mask = (v: unknown, depth: number): unknown => {
    if (depth > 8) return "…";
    if (Array.isArray(v)) return v.slice(0, 50).map((x) => mask(x, depth + 1));
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).slice(0, 50).map(([k, x]) => [k, SECRET.test(k) ? "***" : mask(x, depth + 1)]));
    if (typeof v === "string" && v.length > 500) return `${v.slice(0, 500)}…`;
    return v;
  };
  const text = JSON.stringify(mask(value ?? {}, 0)) ?? "{}";
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

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
    this.buffer.push({
      at: new Date().toISOString().replace("T", " ").replace("Z", ""),
      request_id: randomUUID(),
      entry: entry.entry,
      login: p?.login ?? "",
      user_id: p?.userId ?? null,
      key_id: p?.keyId ?? "",
      role: p?.role ?? "",
      scope: p?.country ?? "",
      address: entry.address,
      operation_type: entry.operationType,
      operation_name: entry.operationName.slice(0, 200),
      query_hash: entry.queryHash,
      query: entry.query.length > 8000 ? `${entry.query.slice(0, 8000)}…` : entry.query,
      variables: maskedVariables(entry.variables),
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
        // Put them back for the next flush rather than lose them.
        this.buffer = [...rows, ...this.buffer];
        this.logger.error({ error: error instanceof Error ? error.message : String(error), rows: rows.length }, "audit rows not written yet; retrying");
        this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs * 5);
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
