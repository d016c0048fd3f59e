import type { FeedId } from "@corridor/warehouse";
import type { FeedSpec } from "../core/feed-spec.js";
import type { Row } from "../core/types.js";
import { containerEventsSpec } from "./container-events/spec.js";
import { customsDeclarationsSpec } from "./customs-declarations/spec.js";
import { portInvoicesSpec } from "./port-invoices/spec.js";
import { transitMovementsSpec } from "./transit-movements/spec.js";
import { vesselCallsSpec } from "./vessel-calls/spec.js";

/** The loader of each feed. */
export function feedSpecs(): ReadonlyMap<FeedId, FeedSpec<Row>> {
  const specs = [vesselCallsSpec, containerEventsSpec, customsDeclarationsSpec, transitMovementsSpec, portInvoicesSpec] as unknown as FeedSpec<Row>[];
  return new Map(specs.map((spec) => [spec.id, spec]));
}
