import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Period } from "../metrics/query/period.js";
import type { Artefact, Language, ReportFormat } from "./report-records.js";
import type { ReportKind } from "./schedule-rules.js";

/** Run ids are ours (`<uuid>_<date>_<date>`); anything else never reaches the file system. */
const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/u;

export function isRunId(id: string): boolean {
  return RUN_ID.test(id);
}

export function runDir(reportsDir: string, runId: string): string {
  if (!isRunId(runId)) throw new TypeError(`not a run id: ${JSON.stringify(runId)}`);
  return path.join(reportsDir, runId);
}

const NAMES: Record<ReportKind, Record<Language, string>> = {
  weekly_operations: { fr: "rapport-hebdomadaire-port", en: "weekly-port-report" },
  monthly_corridor: { fr: "rapport-mensuel-corridor", en: "monthly-corridor-report" },
};

/** `rapport-mensuel-corridor_2024-10.pdf`, `weekly-port-report_2024-10-07.xlsx`: what a recipient sees attached. */
export function artefactFileName(kind: ReportKind, period: Period, language: Language, format: ReportFormat): string {
  const when = kind === "monthly_corridor" ? period.from.slice(0, 7) : period.from;
  return `${NAMES[kind][language]}_${when}.${format}`;
}

export const CONTENT_TYPES: Record<ReportFormat | "json", string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  json: "application/json",
};

/** Writes a file whole or not at all (temporary name, then rename): a crash never leaves half a PDF to send. */
export async function writeArtefact(reportsDir: string, runId: string, file: string, bytes: Buffer, format: Artefact["format"], language: Language | null): Promise<Artefact> {
  const dir = runDir(reportsDir, runId);
  await fs.promises.mkdir(dir, { recursive: true });
  const target = path.join(dir, path.basename(file));
  const temporary = `${target}.partial`;
  await fs.promises.writeFile(temporary, bytes);
  await fs.promises.rename(temporary, target);
  return { file: path.basename(file), format, language, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** An archived file, checked against the size and hash recorded with its run. */
export async function readArtefact(reportsDir: string, runId: string, artefact: Artefact): Promise<Buffer> {
  const bytes = await fs.promises.readFile(path.join(runDir(reportsDir, runId), path.basename(artefact.file)));
  const sha = createHash("sha256").update(bytes).digest("hex");
  if (sha !== artefact.sha256) throw new Error(`archived ${artefact.file} of run ${runId} does not match its recorded hash`);
  return bytes;
}

/** Where the dashboard downloads an artefact (routes in report-routes.ts). */
export function artefactUrl(runId: string, format: ReportFormat, language: Language): string {
  return `/api/reports/runs/${encodeURIComponent(runId)}/${format}?language=${language}`;
}
