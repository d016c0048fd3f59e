import { Arg, Authorized, Ctx, Int, Query, Resolver } from "type-graphql";
import { AuditRecord } from "./audit.types.js";
import type { Context } from "./context.js";

/** The audit trail: who asked what, when, how long it took (administrators only). */
@Resolver()
export class AuditResolver {
  @Authorized("admin")
  @Query(() => [AuditRecord], { description: "Dernières requêtes à l'API, les plus récentes d'abord. / Latest API requests, newest first." })
  async auditLog(
    @Arg("limit", () => Int, { defaultValue: 100, description: "Nombre de lignes, 1 à 1 000. / Number of rows, 1 to 1,000." }) limit: number,
    @Arg("login", () => String, { nullable: true, description: "Un seul utilisateur. / One user only." }) login: string | null,
    @Arg("outcome", () => String, { nullable: true, description: "ok, error ou refused. / ok, error or refused." }) outcome: string | null,
    @Ctx() { services }: Context,
  ): Promise<AuditRecord[]> {
    // Rows written in the last second are still in the buffer: write them so the page shows them.
    await services.audit.flush();
    const rows = await services.auditQueries.latest({ limit: Math.min(Math.max(1, limit), 1000), login: login ?? null, outcome: outcome ?? null });
    return rows.map((r) => ({
      at: new Date(r.at),
      entry: r.entry,
      login: r.login,
      keyId: r.key_id,
      role: r.role,
      scope: r.scope,
      address: r.address,
      operationType: r.operation_type,
      operationName: r.operation_name,
      queryHash: r.query_hash,
      query: r.query,
      variables: r.variables,
      durationMs: Number(r.duration_ms),
      httpStatus: Number(r.http_status),
      outcome: r.outcome,
      errorCodes: r.error_codes,
    }));
  }
}
