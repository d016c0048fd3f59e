import { FEEDS } from "@corridor/warehouse";
import { Arg, Authorized, Ctx, Int, Query, Resolver } from "type-graphql";
import type { LoadRow } from "../queries/platform.queries.js";
import type { Context } from "./context.js";
import { EngineMode, Feed, LoadStatus } from "./enums.js";
import { Load, WarehouseStatus } from "./platform.types.js";

/** A hard cap on list sizes, whatever a client asks for. */
const MAX_LOADS = 200;

const date = (value: string | null): Date | null => (value === null ? null : new Date(value));

function toLoad(row: LoadRow): Load {
  return {
    id: row.load_id,
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    feed: row.feed === "" ? null : (row.feed as Feed),
    source: row.source,
    status: row.status as LoadStatus,
    read: Number(row.records_read),
    loaded: Number(row.records_loaded),
    quarantined: Number(row.records_quarantined),
    duplicates: Number(row.records_duplicates),
    lastEventAt: date(row.last_event_at),
    startedAt: new Date(row.started_at),
    finishedAt: date(row.finished_at),
    error: row.error === "" ? null : row.error,
  };
}

@Resolver()
export class PlatformResolver {
  @Authorized()
  @Query(() => WarehouseStatus, { description: "État de l'entrepôt : moteur, schéma, fraîcheur de chaque flux. / Warehouse state: engine, schema, freshness of each feed." })
  async warehouse(@Ctx() { services }: Context): Promise<WarehouseStatus> {
    const [engine] = await services.platform.engine();
    const totals = new Map((await services.platform.feedTotals()).map((row) => [row.feed, row]));
    const info = services.platform.info;
    const feeds = FEEDS.map((feed) => {
      const row = totals.get(feed.id);
      return {
        feed: feed.id as Feed,
        nameFr: feed.nameFr,
        nameEn: feed.nameEn,
        loads: Number(row?.loads ?? 0),
        recordsLoaded: Number(row?.records_loaded ?? 0),
        recordsQuarantined: Number(row?.records_quarantined ?? 0),
        dataAsOf: date(row?.last_event_at ?? null),
        lastLoadAt: date(row?.last_load_at ?? null),
      };
    });
    return {
      mode: info.mode === "embedded" ? EngineMode.EMBEDDED : EngineMode.SERVER,
      engineVersion: engine?.version ?? "",
      schemaVersion: engine?.schema_version ?? 0,
      database: info.database,
      cluster: info.cluster,
      empty: feeds.every((f) => f.loads === 0),
      feeds,
    };
  }

  @Authorized()
  @Query(() => [Load], { description: "Derniers chargements de fichiers, du plus récent au plus ancien. / Latest file loads, newest first." })
  async loads(
    @Arg("limit", () => Int, { defaultValue: 20, description: `Nombre de chargements, au plus ${MAX_LOADS}. / Number of loads, at most ${MAX_LOADS}.` }) limit: number,
    @Ctx() { services }: Context,
  ): Promise<Load[]> {
    const rows = await services.platform.recentLoads(Math.min(Math.max(limit, 1), MAX_LOADS));
    return rows.map(toLoad);
  }
}
