import type { TableName } from "./tables.js";

/** The five input feeds of formats.md, with the table their loaded records go to. */
export const FEEDS = [
  { id: "vessel-calls", table: "vessel_calls", nameFr: "Escales de navires", nameEn: "Vessel calls" },
  { id: "container-events", table: "container_events", nameFr: "Mouvements de conteneurs", nameEn: "Container events" },
  { id: "customs-declarations", table: "customs_declarations", nameFr: "Déclarations en douane", nameEn: "Customs declarations" },
  { id: "transit-movements", table: "transit_events", nameFr: "Mouvements de transit", nameEn: "Transit movements" },
  { id: "port-invoices", table: "port_invoices", nameFr: "Factures portuaires", nameEn: "Port invoices" },
] as const satisfies readonly { id: string; table: TableName; nameFr: string; nameEn: string }[];

export type FeedId = (typeof FEEDS)[number]["id"];

const IDS: ReadonlySet<string> = new Set(FEEDS.map((f) => f.id));

export function isFeedId(value: string): value is FeedId {
  return IDS.has(value);
}
