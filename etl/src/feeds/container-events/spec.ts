import { monthOfText, type FeedSpec } from "../../core/feed-spec.js";
import type { Column } from "../../core/tab-separated.js";
import { parseContainerEvents } from "./parse.js";
import type { ContainerEventRow } from "./row.js";

const COLUMNS: readonly Column[] = [
  { name: "container_no", kind: "text" },
  { name: "event", kind: "text" },
  { name: "event_at", kind: "text" },
  { name: "message_type", kind: "text" },
  { name: "terminal", kind: "text" },
  { name: "size_type", kind: "text" },
  { name: "teu", kind: "number" },
  { name: "status", kind: "number" },
  { name: "full", kind: "number" },
  { name: "bill_of_lading", kind: "text" },
  { name: "gross_kg", kind: "number" },
  { name: "seal", kind: "text" },
  { name: "voyage", kind: "text" },
  { name: "vessel_imo", kind: "text" },
  { name: "vessel_name", kind: "text" },
  { name: "carrier", kind: "text" },
  { name: "haulier", kind: "text" },
  { name: "truck_plate", kind: "text" },
  { name: "delivery_office", kind: "text" },
  { name: "interchange_ref", kind: "text" },
  { name: "message_ref", kind: "text" },
];

/** Envelope references say which interchange carried a group, not what the group is: not part of its values. */
const NOT_VALUES: ReadonlySet<string> = new Set(["interchange_ref", "message_ref"]);

export const containerEventsSpec: FeedSpec<ContainerEventRow> = {
  id: "container-events",
  table: "container_events",
  parse: parseContainerEvents,
  columns: COLUMNS,
  rank: () => 0,
  notValues: NOT_VALUES,
  // The event time is part of the key: a record never changes month, so no previous-month lookup.
  months: (row) => [monthOfText(row.event_at)],
  eventAt: (row) => row.event_at,
};
