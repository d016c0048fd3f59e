import { isReasonCode, REASONS } from "@corridor/etl";
import { GraphQLError } from "graphql";
import { Arg, Authorized, Ctx, Int, Query, Resolver } from "type-graphql";
import { ScopeError, scopeOf } from "../metrics/scope.js";
import { QuarantineQueries } from "../queries/quarantine.queries.js";
import type { Context } from "./context.js";
import { Feed } from "./enums.js";
import { QuarantinePage } from "./quarantine.types.js";

/** A hard cap on the list, whatever a client asks for. */
const MAX_RECORDS = 1000;
/** Raw text beyond this is cut: a malformed record can be a whole file on one line. */
const RAW_CHARS = 2000;

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
const texts = (code: string) => (isReasonCode(code) ? REASONS[code] : { fr: code, en: code });
const positive = (n: number | string) => (Number(n) > 0 ? Number(n) : null);

/**
 * Feeds whose records belong to no country (ship calls, quay moves): a
 * country-scoped account sees their quarantined records. The other feeds'
 * records (declarations, transit movements, invoices) are some country's
 * detail, and a refused record's country cannot be trusted: they are not shown
 * to a scoped account.
 */
const PORT_WIDE_FEEDS: readonly Feed[] = [Feed.VESSEL_CALLS, Feed.CONTAINER_EVENTS];

/** The records the ETL refused, with where and why, for the people who fix and re-send them. */
@Resolver()
export class QuarantineResolver {
  @Authorized("admin", "operator")
  @Query(() => QuarantinePage, {
    description:
      "Enregistrements en quarantaine (opérateurs, administrateurs), comme `etl quarantine` : où, pourquoi, texte brut ; et leur décompte par motif. / Quarantined records (operators, administrators), as `etl quarantine` lists them: where, why, raw text; and their counts by reason.",
  })
  async quarantine(
    @Arg("file", () => String, { nullable: true, description: "Un seul fichier (nom exact). / One file only (exact name)." }) file: string | null,
    @Arg("reason", () => String, { nullable: true, description: "Un seul motif (code de formats.md, p. ex. BAD_IMO). / One reason only (formats.md code, e.g. BAD_IMO)." }) reason: string | null,
    @Arg("feed", () => Feed, { nullable: true, description: "Un seul flux. / One feed only." }) feed: Feed | null,
    @Arg("limit", () => Int, { defaultValue: 100, description: `Nombre d'enregistrements, 1 à ${MAX_RECORDS}. / Number of records, 1 to ${MAX_RECORDS}.` }) limit: number,
    @Ctx() { services, principal }: Context,
  ): Promise<QuarantinePage> {
    if (reason && !isReasonCode(reason)) throw badInput(`reason : motif inconnu (${reason.slice(0, 40)}) / unknown reason code`);
    if (file && file.length > 300) throw badInput("file : 300 caractères au plus / at most 300 characters");
    const scope = scopeOf(principal);
    if (scope !== null && feed != null && !PORT_WIDE_FEEDS.includes(feed)) {
      throw new ScopeError(
        `Votre compte voit le détail de ${scope} seulement : les enregistrements en quarantaine de ce flux appartiennent aux pays ; ceux des escales et des conteneurs vous sont ouverts. / Your account sees ${scope}'s detail only: this feed's quarantined records belong to countries; those of vessel calls and containers are open to you.`,
      );
    }
    const queries = new QuarantineQueries(services.warehouse);
    const where = { file: file ?? "", reason: reason ?? "", feed: feed ?? "", feeds: scope === null ? [] : [...PORT_WIDE_FEEDS] };
    const [rows, counts] = await Promise.all([
      queries.records({ ...where, limit: Math.min(Math.max(limit, 1), MAX_RECORDS), rawChars: RAW_CHARS }),
      queries.reasons({ file: where.file, feed: where.feed, feeds: where.feeds }),
    ]);
    const byReason = counts.map((c) => ({ reason: c.reason, reasonFr: texts(c.reason).fr, reasonEn: texts(c.reason).en, records: Number(c.records) }));
    const total = byReason.filter((c) => !reason || c.reason === reason).reduce((sum, c) => sum + c.records, 0);
    return {
      records: rows.map((r) => ({
        feed: r.feed as Feed,
        fileName: r.file_name,
        recordIndex: Number(r.record_index),
        line: positive(r.line),
        message: positive(r.message),
        segment: positive(r.segment),
        reason: r.reason,
        reasonFr: texts(r.reason).fr,
        reasonEn: texts(r.reason).en,
        detail: r.detail,
        recordKey: r.record_key === "" ? null : r.record_key,
        raw: r.raw,
        rawTruncated: Number(r.raw_length) > RAW_CHARS,
        quarantinedAt: new Date(r.quarantined_at),
        fixed: Boolean(Number(r.fixed)),
      })),
      total,
      truncated: total > rows.length,
      byReason,
      portWideOnly: scope !== null,
    };
  }
}
