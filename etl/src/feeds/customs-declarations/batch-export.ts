import { formatUtcMs, parseTimestamp } from "../../core/local-time.js";
import type { Finding } from "./findings.js";
import type { RootElement } from "./xml-records.js";

export const BATCH_ROOT = "ASYCUDA_BATCH";
export const DECLARATION_ELEMENT = "ASYCUDA";

/**
 * When the batch was exported (UTC `YYYY-MM-DD HH:MM:SS.mmm`), which ranks
 * copies of the same declaration; null for a lone `ASYCUDA` root. A batch
 * whose `exported_at` is missing or unreadable cannot rank its declarations,
 * so each of them carries the problem.
 */
export interface BatchExport {
  readonly exportedAt: string | null;
  readonly problem: Finding | null;
}

export function batchExportOf(root: RootElement): BatchExport {
  if (root.name !== BATCH_ROOT) return { exportedAt: null, problem: null };
  const raw = root.attributes["exported_at"];
  const text = raw?.trim() ?? "";
  if (text === "") return { exportedAt: null, problem: { reason: "MISSING_FIELD", detail: `${BATCH_ROOT}/@exported_at is ${raw === undefined ? "missing" : "empty"}` } };
  // Without an offset, exported_at is UTC (formats.md, "Local time").
  const ms = parseTimestamp(text, "UTC");
  if (ms === null) return { exportedAt: null, problem: { reason: "BAD_DATE", detail: `${BATCH_ROOT}/@exported_at ${JSON.stringify(text)} is not an ISO 8601 date-time` } };
  return { exportedAt: formatUtcMs(ms), problem: null };
}
