import os from "node:os";
import type { Logger, Warehouse } from "@corridor/warehouse";
import type { EtlSettings } from "../commands/load-command.js";
import { feedSpecs } from "../feeds/feed-registry.js";
import type { FileProgress } from "./load-file.js";
import { loadFiles, type BatchSummary } from "./load-files.js";
import type { LoadSource } from "./load-log.js";
import { readReferenceData } from "./reference-data.js";

export type Loader = (files: readonly string[], source: LoadSource, onProgress?: (progress: FileProgress) => void) => Promise<BatchSummary>;

/** The one loading path: `etl load`, the inbox, uploads and the demo load all go through it. */
export function makeLoader(warehouse: Warehouse, logger: Logger, settings: EtlSettings): Loader {
  return async (files, source, onProgress) =>
    loadFiles(files, {
      warehouse,
      logger,
      // Read per batch: a reference list synced since the last batch applies to the next one.
      reference: await readReferenceData(warehouse),
      specs: feedSpecs(),
      source,
      loadedBy: os.userInfo().username,
      refreshHorizonMonths: settings.refreshHorizonMonths,
      onProgress,
    });
}
