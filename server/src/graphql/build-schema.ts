import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { PlatformResolver } from "./platform.resolver.js";
import { ReferenceResolver } from "./reference.resolver.js";

export function buildCorridorSchema(): Promise<GraphQLSchema> {
  // Arguments are checked by their GraphQL types and in the query layer; class-validator is not used.
  return buildSchema({ resolvers: [ReferenceResolver, PlatformResolver], validate: false });
}

/** The SDL committed as schema.graphql: sorted so it only changes when the schema does. */
export function printCorridorSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
