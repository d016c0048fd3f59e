import { monthOfText, type FeedSpec, type StateRefusal } from "../../core/feed-spec.js";
import { utcTextToMs } from "../../core/local-time.js";
import type { Column } from "../../core/tab-separated.js";
import { parseTransitMovements } from "./parse.js";
import type { TransitEventRow } from "./row.js";

const COLUMNS: readonly Column[] = [
  { name: "movement", kind: "text" },
  { name: "event", kind: "text" },
  { name: "office", kind: "text" },
  { name: "office_country", kind: "text" },
  { name: "at", kind: "text" },
  { name: "recorded_at", kind: "text" },
  { name: "declaration", kind: "text" },
  { name: "route", kind: "text" },
  { name: "truck", kind: "text" },
  { name: "containers", kind: "text[]" },
  { name: "gross_kg", kind: "number" },
  { name: "escort", kind: "number" },
];

const DAY_MS = 86_400_000;

interface Departure {
  readonly route: string;
  readonly at: string;
}

export const transitMovementsSpec: FeedSpec<TransitEventRow> = {
  id: "transit-movements",
  table: "transit_events",
  parse: parseTransitMovements,
  columns: COLUMNS,
  // A copy recorded later replaces an earlier one; a line without recordedAt ranks below any with it.
  rank: (row) => (row.recorded_at === null ? 0 : utcTextToMs(row.recorded_at) + 1),
  months: (row) => [monthOfText(row.at)],
  eventAt: (row) => row.at,
  previousMonthsSql: `SELECT DISTINCT toYYYYMM(at) AS m FROM transit_events FINAL
    WHERE movement IN (SELECT splitByChar('|', k)[1] FROM (SELECT arrayJoin({keys:Array(String)}) AS k))
      AND concat(movement, '|', toString(event), '|', toString(office)) IN {keys:Array(String)}`,

  /**
   * Checks that need the movement's DEPARTED, loaded before (in an earlier
   * file, or earlier in this one): an event without a route must be at an
   * office of the departure's route; no event may be more than a day before
   * the departure. A movement whose DEPARTED is not loaded yet cannot be
   * checked and is accepted.
   */
  async checkAgainstState(records, state, previous) {
    const movements = [...new Set(records.filter((r) => r.outcome.ok).map((r) => (r.outcome.ok ? r.outcome.row.movement : "")))];
    if (movements.length === 0) return [];
    const loaded = await state.query<{ movement: string; route: string; at: string }>(
      "SELECT movement, toString(route) AS route, formatDateTime(at, '%Y-%m-%d %H:%i:%S') AS at FROM transit_events FINAL WHERE event = 'DEPARTED' AND movement IN {movements:Array(String)}",
      { movements },
      "etl:transit-movements:departures",
    );
    const departures = new Map<string, Departure>(loaded.map((d) => [d.movement, { route: d.route, at: d.at }]));
    // Departures gathered but not flushed yet are not in the warehouse, and come after what is.
    for (const record of previous) {
      if (record.outcome.ok && record.outcome.row.event === "DEPARTED") departures.set(record.outcome.row.movement, { route: record.outcome.row.route, at: record.outcome.row.at });
    }
    const refusals: StateRefusal[] = [];
    for (const record of records) {
      if (!record.outcome.ok) continue;
      const row = record.outcome.row;
      if (row.event === "DEPARTED") {
        departures.set(row.movement, { route: row.route, at: row.at });
        continue;
      }
      const departure = departures.get(row.movement);
      if (!departure) continue;
      if (row.route === "") {
        const route = state.reference.routes.get(departure.route);
        if (route && !route.offices.includes(row.office)) {
          refusals.push({ index: record.index, reason: "OFFICE_NOT_ON_ROUTE", detail: `office ${row.office} is not on route ${departure.route} of movement ${row.movement} (${route.offices.join(">")})` });
          continue;
        }
      }
      if (utcTextToMs(row.at) < utcTextToMs(departure.at) - DAY_MS) {
        refusals.push({ index: record.index, reason: "BEFORE_DEPARTURE", detail: `${row.event} at ${row.at} UTC is more than a day before the movement's departure (${departure.at} UTC)` });
      }
    }
    return refusals;
  },
};
