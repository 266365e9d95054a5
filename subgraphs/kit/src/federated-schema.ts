import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";
import { declareArgumentsInOrder } from "./argument-order";
import { directFieldResolvers } from "./direct-resolvers";

/** Federation 2 directives every subgraph may use, and Enlace's own @restricted (see restricted.ts). */
const FEDERATION_LINK = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@composeDirective"])
  @link(url: "https://enlace.example/restricted/v0.1", import: ["@restricted"])
  @composeDirective(name: "@restricted")
directive @restricted(roles: [String!]!) on FIELD_DEFINITION`;

/**
 * type-graphql builds the schema from decorated classes; @apollo/subgraph turns it into
 * a Federation 2 subgraph (adds `_service`, `_entities`, `_Any`). Reference resolvers
 * (`__resolveReference`) are merged into type-graphql's resolver map, whose plain field
 * resolvers are first made direct calls (direct-resolvers.ts).
 */
export async function buildFederatedSchema(options: Omit<BuildSchemaOptions, "skipCheck">, referenceResolvers: GraphQLResolverMap<unknown> = {}): Promise<GraphQLSchema> {
  declareArgumentsInOrder();
  const schema = await buildSchema({ ...options, skipCheck: true });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  // Field resolvers called directly, without type-graphql's per-call wrapper (direct-resolvers.ts),
  // where that wrapper has nothing to add: no argument validation, no global middleware.
  if (options.validate === false && !options.globalMiddlewares?.length) directFieldResolvers(resolvers, options.resolvers as readonly unknown[]);
  for (const [typeName, fields] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(fields as object) } as never;
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers,
  });
}
