import { parseArgs } from "node:util";
import type { Logger, Warehouse } from "@corridor/warehouse";
import { expandPaths, type BatchSummary } from "../load/load-files.js";
import type { LoadSource } from "../load/load-log.js";
import { makeLoader } from "../load/loader.js";
import { EXIT, UsageError, type CommandIo } from "./command-io.js";
import { progressBar } from "./progress-bar.js";

export interface EtlSettings {
  readonly refreshHorizonMonths: number;
}

function formatSummary(summary: BatchSummary): string {
  const header = ["fichier / file", "flux / feed", "lus", "chargés", "quarantaine", "doublons", "état / status"];
  const rows = summary.files.map((f) => [f.path.split("/").pop() ?? f.path, f.feed ?? "-", String(f.read), String(f.loaded), String(f.quarantined), String(f.duplicates), f.status]);
  const t = summary.totals;
  rows.push(["total", "", String(t.read), String(t.loaded), String(t.quarantined), String(t.duplicates), `${t.files} fichier(s), ${t.failed} illisible(s) / unreadable`]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  const errors = summary.files.filter((f) => f.error).map((f) => `  ${f.path}: ${f.error}`);
  return [line(header), ...rows.map(line), ...(errors.length ? ["", ...errors] : [])].join("\n") + "\n";
}

/** `etl load <files or folders…> [--json]`: loads in file-name order, refreshes the derived tables, reports per file. */
export async function loadCommand(warehouse: Warehouse, args: readonly string[], io: CommandIo, logger: Logger, settings: EtlSettings, source: LoadSource = "cli"): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: { json: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  if (positionals.length === 0) throw new UsageError("etl load: donnez des fichiers ou dossiers / give files or folders");
  let files: string[];
  try {
    files = expandPaths(positionals);
  } catch (error) {
    throw new UsageError(`etl load: ${(error as Error).message}`);
  }
  const bar = io.interactive && !values.json ? progressBar(io.err) : null;
  const summary = await makeLoader(warehouse, logger, settings)(files, source, bar ? (p) => bar.update(p) : undefined);
  bar?.done();
  io.out.write(values.json ? `${JSON.stringify({ files: summary.files, totals: summary.totals }, null, 2)}\n` : formatSummary(summary));
  if (summary.totals.failed > 0) return EXIT.unreadable;
  return summary.totals.quarantined > 0 ? EXIT.quarantined : EXIT.ok;
}
