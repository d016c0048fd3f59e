import { generateDemoData, GenerateOptionsError, parseGenerateArgs } from "../generate/generate.js";
import { EXIT, type CommandIo } from "./command-io.js";

/**
 * `etl generate --from YYYY-MM --to YYYY-MM [--scale S] [--seed N] --out DIR`:
 * writes demo files in the five feeds. Needs no engine.
 */
export async function generateCommand(args: readonly string[], io: CommandIo): Promise<number> {
  let options;
  try {
    options = parseGenerateArgs(args);
  } catch (error) {
    if (error instanceof GenerateOptionsError || error instanceof Error) {
      io.err.write(`etl generate: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const started = performance.now();
  const summary = await generateDemoData({ ...options, onProgress: io.interactive ? (message) => io.err.write(`\r${message.slice(0, 100)}\x1b[K`) : undefined });
  if (io.interactive) io.err.write("\r\x1b[K");
  const records = summary.files.reduce((sum, f) => sum + f.records, 0);
  const planted = summary.files.reduce((sum, f) => sum + Object.values(f.planted).reduce((a, b) => a + b, 0), 0);
  io.out.write(`${summary.files.length} fichiers, ${records.toLocaleString("fr-FR")} enregistrements (dont ${planted} erronés exprès / planted bad records), ${summary.consignments.toLocaleString("fr-FR")} envois / consignments, en ${((performance.now() - started) / 1000).toFixed(1)} s → ${options.outDir}\n`);
  return EXIT.ok;
}
