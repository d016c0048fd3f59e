import type { Logger } from "@corridor/warehouse";
import type { PlatformQueries } from "../queries/platform.queries.js";
import type { ReferenceQueries } from "../queries/reference.queries.js";

/** What every resolver receives: the read services, built once per server and shared by requests. */
export interface Services {
  readonly reference: ReferenceQueries;
  readonly platform: PlatformQueries;
}

export interface Context {
  readonly services: Services;
  readonly logger: Logger;
}
