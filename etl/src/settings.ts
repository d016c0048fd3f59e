import { ConfigError } from "@corridor/warehouse";
import type { EtlSettings } from "./commands/load-command.js";

/** ETL settings from the environment (README's configuration table). */
export function etlSettingsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): EtlSettings {
  const raw = env.REFRESH_HORIZON_MONTHS?.trim();
  if (raw === undefined || raw === "") return { refreshHorizonMonths: 3 };
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 24) throw new ConfigError([`REFRESH_HORIZON_MONTHS="${raw}": entier de 0 à 24 / integer from 0 to 24`]);
  return { refreshHorizonMonths: value };
}
