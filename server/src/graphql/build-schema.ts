import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AccessResolver } from "./access.resolver.js";
import { AuditResolver } from "./audit.resolver.js";
import { authChecker } from "./auth-checker.js";
import { MetricsResolver } from "./metrics.resolver.js";
import { PlatformResolver } from "./platform.resolver.js";
import { PolicyResolver } from "./policy.resolver.js";
import { QuarantineResolver } from "./quarantine.resolver.js";
import { ReferenceResolver } from "./reference.resolver.js";
import { ReportsResolver } from "./reports.resolver.js";
import { UploadResolver } from "./upload.resolver.js";

export function buildCorridorSchema(): Promise<GraphQLSchema> {
  // Arguments are checked by their GraphQL types and in the resolvers; class-validator is not used.
  return buildSchema({ resolvers: [ReferenceResolver, MetricsResolver, PolicyResolver, PlatformResolver, AccessResolver, AuditResolver, UploadResolver, QuarantineResolver, ReportsResolver], validate: false, authChecker, authMode: "error" });
}

/** The SDL committed as schema.graphql: sorted so it only changes when the schema does. */
export function printCorridorSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
