import { parseArgs } from "node:util";
import { monthsWithData, refreshDerived, type Logger, type Warehouse } from "@corridor/warehouse";
import { EXIT, UsageError, type CommandIo } from "./command-io.js";

function month(text: string | undefined, option: string): number {
  const m = /^(\d{4})-(\d{2})$/u.exec(text ?? "");
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new UsageError(`${option}: un mois AAAA-MM attendu / a YYYY-MM month expected`);
  return Number(m[1]) * 100 + Number(m[2]);
}

/** `etl refresh --all | --from YYYY-MM --to YYYY-MM`: rebuilds the derived tables of those months. */
export async function refreshCommand(warehouse: Warehouse, args: readonly string[], io: CommandIo, logger: Logger): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { all: { type: "boolean", default: false }, from: { type: "string" }, to: { type: "string" } }, strict: true });
  let months: number[];
  if (values.all) months = await monthsWithData(warehouse);
  else {
    const from = month(values.from, "--from");
    const to = month(values.to, "--to");
    if (to < from) throw new UsageError("--to avant --from / --to is before --from");
    months = [];
    for (let m = from; m <= to; m = m % 100 === 12 ? m + 89 : m + 1) months.push(m);
  }
  const result = await refreshDerived(warehouse, months, logger);
  io.out.write(`${result.months.length} mois reconstruits en ${result.ms} ms / months rebuilt\n`);
  return EXIT.ok;
}
