/**
 * Demo data: files in the five input feeds (formats.md) describing one
 * consistent world of ships, boxes, declarations, trucks and invoices between
 * the port of Lomé and Burkina Faso, Mali and Niger, calibrated on
 * domain.md. Same options, same bytes. Generation runs month by month and
 * writes through bounded buffers, so memory stays flat at any scale.
 */
import { parseArgs } from "node:util";
import { monthEnd, monthLabel, monthOrdinal, monthRange, parseMonth, type Month } from "./calendar.js";
import { loadCorridors } from "./corridors.js";
import { ContainerNumbers, Sequences } from "./identifiers.js";
import { Random } from "./random.js";
import { Scenario } from "./scenario.js";
import { SinkRegistry } from "./sinks.js";
import type { World } from "./world.js";
import { ContainerEventsWriter } from "./write-container-events.js";
import { CustomsDeclarationsWriter } from "./write-customs-declarations.js";
import { PortInvoicesWriter } from "./write-port-invoices.js";
import { TransitMovementsWriter } from "./write-transit-movements.js";
import { VesselCallsWriter } from "./write-vessel-calls.js";
import { Yard } from "./yard.js";

export interface GenerateOptions {
  /** First month, `YYYY-MM`. */
  from: string;
  /** Last month, `YYYY-MM`, included. */
  to: string;
  /** 1 = about a real year's volume per year. */
  scale: number;
  seed: number;
  outDir: string;
  onProgress?: (message: string) => void;
}

export interface GenerateSummary {
  files: { path: string; feed: string; records: number; planted: Record<string, number> }[];
  consignments: number;
}

/** A bad option: the message names the option and what it expects. */
export class GenerateOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GenerateOptionsError";
  }
}

/** Calibration covers these years (domain.md's figures, extrapolated a few years either way). */
const FIRST_YEAR = 2015;
const LAST_YEAR = 2035;
const MAX_SCALE = 10;
const MAX_MONTHS = 240;
/** Real years of traffic one run may generate (scale × years): container numbers are unique within a run, and 32 owner codes × 10^6 serials hold about 45 years of the port's boxes. */
const MAX_TRAFFIC_YEARS = 40;

function checkMonth(text: string | undefined, option: string): Month {
  const month = text === undefined ? null : parseMonth(text);
  if (month === null) throw new GenerateOptionsError(`${option}: un mois AAAA-MM attendu / a YYYY-MM month expected, got ${JSON.stringify(text ?? "")}`);
  if (month.year < FIRST_YEAR || month.year > LAST_YEAR) throw new GenerateOptionsError(`${option}: une année de ${FIRST_YEAR} à ${LAST_YEAR} attendue / a year from ${FIRST_YEAR} to ${LAST_YEAR} expected, got ${text}`);
  return month;
}

/** Checks options given in code as the CLI checks its arguments. */
export function checkGenerateOptions(options: GenerateOptions): { from: Month; to: Month } {
  const from = checkMonth(options.from, "--from");
  const to = checkMonth(options.to, "--to");
  if (monthOrdinal(to) < monthOrdinal(from)) throw new GenerateOptionsError(`--to: ${options.to} est avant --from ${options.from} / is before --from ${options.from}`);
  if (monthOrdinal(to) - monthOrdinal(from) + 1 > MAX_MONTHS) throw new GenerateOptionsError(`--from/--to: au plus ${MAX_MONTHS} mois / at most ${MAX_MONTHS} months`);
  if (!Number.isFinite(options.scale) || options.scale <= 0 || options.scale > MAX_SCALE) {
    throw new GenerateOptionsError(`--scale: un nombre > 0 et ≤ ${MAX_SCALE} attendu (1 = une année réelle par an) / a number > 0 and ≤ ${MAX_SCALE} expected (1 = a real year per year), got ${options.scale}`);
  }
  const years = (monthOrdinal(to) - monthOrdinal(from) + 1) / 12;
  if (options.scale * years > MAX_TRAFFIC_YEARS) {
    throw new GenerateOptionsError(`--scale: ${options.scale} × ${years.toFixed(1)} ans dépasse ${MAX_TRAFFIC_YEARS} années de trafic / ${options.scale} × ${years.toFixed(1)} years exceeds ${MAX_TRAFFIC_YEARS} years of traffic; lower --scale or shorten --from/--to`);
  }
  if (!Number.isSafeInteger(options.seed) || options.seed < 0 || options.seed > 0xffff_ffff) {
    throw new GenerateOptionsError(`--seed: un entier de 0 à 4294967295 attendu / an integer from 0 to 4294967295 expected, got ${options.seed}`);
  }
  if (typeof options.outDir !== "string" || options.outDir.trim() === "") throw new GenerateOptionsError("--out: un dossier attendu / a directory expected");
  return { from, to };
}

/** Default scale and seed of `etl generate`: a light demo (about 5 % of real volumes). */
export const DEFAULT_SCALE = 0.05;
export const DEFAULT_SEED = 42;

/**
 * `etl generate --from YYYY-MM --to YYYY-MM [--scale N] [--seed N] --out DIR`
 * arguments (after the command name) → options. Throws GenerateOptionsError.
 */
export function parseGenerateArgs(args: readonly string[]): GenerateOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({ args: [...args], options: { from: { type: "string" }, to: { type: "string" }, scale: { type: "string" }, seed: { type: "string" }, out: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new GenerateOptionsError(`options invalides / invalid options: ${(error as Error).message}`);
  }
  const number = (text: string | undefined, option: string, fallback: number): number => {
    if (text === undefined) return fallback;
    const value = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/u.test(text.trim()) ? Number(text) : Number.NaN;
    if (Number.isNaN(value)) throw new GenerateOptionsError(`${option}: un nombre attendu / a number expected, got ${JSON.stringify(text)}`);
    return value;
  };
  if (values.from === undefined) throw new GenerateOptionsError("--from: obligatoire (AAAA-MM) / required (YYYY-MM)");
  if (values.to === undefined) throw new GenerateOptionsError("--to: obligatoire (AAAA-MM) / required (YYYY-MM)");
  if (values.out === undefined) throw new GenerateOptionsError("--out: obligatoire (dossier de sortie) / required (output directory)");
  const options: GenerateOptions = { from: values.from, to: values.to, scale: number(values.scale, "--scale", DEFAULT_SCALE), seed: number(values.seed, "--seed", DEFAULT_SEED), outDir: values.out };
  checkGenerateOptions(options);
  return options;
}

/** Generates the demo files into `outDir` (files of the same names are replaced) and says what was written. */
export async function generateDemoData(options: GenerateOptions): Promise<GenerateSummary> {
  const { from, to } = checkGenerateOptions(options);
  // The world as known at the end of the last month: later events are in no file.
  const cutoff = monthEnd(to) - 1;
  const corridors = loadCorridors();
  const root = new Random(options.seed, "demo");
  const sinks = new SinkRegistry(options.outDir);
  const numbers = new ContainerNumbers(root.fork("containers"));
  const sequences = new Sequences(root.fork("sequences"));
  const world: World = {
    corridors,
    scale: options.scale,
    cutoff,
    numbers,
    sequences,
    vesselCalls: new VesselCallsWriter(sinks, root.fork("vessel-calls"), cutoff),
    containerEvents: new ContainerEventsWriter(sinks, root.fork("container-events"), numbers, cutoff),
    customs: new CustomsDeclarationsWriter(sinks, root.fork("customs"), corridors, sequences, cutoff),
    movements: new TransitMovementsWriter(sinks, root.fork("movements"), corridors, cutoff),
    invoices: new PortInvoicesWriter(sinks, root.fork("invoices"), sequences, cutoff),
    yard: new Yard(),
  };
  const scenario = new Scenario(world, root.fork("scenario"));
  let consignments = 0;
  try {
    for (const month of monthRange(from, to)) {
      consignments += scenario.runMonth(month);
      // Nothing generated from the next month on can fall in a window that ended with this month.
      const closed = await sinks.closeUpTo(monthEnd(month));
      options.onProgress?.(`${monthLabel(month)}: ${consignments} consignments so far, ${closed} files completed`);
    }
    await sinks.closeAll();
  } catch (error) {
    sinks.abandon();
    throw error;
  }
  options.onProgress?.(`${monthLabel(to)}: done, ${sinks.files().length} files`);
  return { files: sinks.files().map((f) => ({ path: f.path, feed: f.feed, records: f.records, planted: f.planted })), consignments };
}
