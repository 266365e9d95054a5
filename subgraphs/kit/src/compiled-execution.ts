import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import { execute, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface["load"]>>["executor"]>;

export const compiledStats = { compiled: 0, interpreted: 0, recomputed: 0 };

/** Seen once, not yet compiled. */
const SEEN = Symbol("seen once");

/**
 * Queries run as compiled JavaScript (graphql-jit), everything else as graphql-js runs it.
 *
 * graphql-js walks the document for every field of every answer: it collects fields,
 * coerces each field's arguments (the `lang` of 600 labels on the 50-office list), checks
 * every value for a promise, and builds each object with `Object.create(null)`, which
 * JSON.stringify then serializes on its slow path. graphql-jit compiles a document once
 * into a function that does only what that document needs, and its answers are plain
 * object literals (docs/performance.md gives the figures).
 *
 * Where the two could differ, graphql-js decides:
 * - mutations run through graphql-js (their order, and the error paths of writes);
 * - a document graphql-jit cannot compile (it reports errors or throws), or seen for the
 *   first time, runs through graphql-js;
 * - a query whose compiled answer holds any error is answered again by graphql-js, so that
 *   every error reads as it always did (the messages and paths tests and clients rely on).
 *   A query only reads; what the first pass read through the request's loaders is not
 *   read again, what it read by its own SQL (a list's page of ids, its count) is.
 *
 * A document is compiled the second time it comes: compiling the 50-office list took
 * 0.7–2.2 ms once warm (5.6 ms the first time), about what a whole request costs the
 * directory. What the site and clients send is asked again and again, while a document
 * sent once, as a flood of made-up queries would be, costs no compilation. Compiled
 * queries live as long as Apollo Server's cache of parsed documents holds their document.
 *
 * Served to Apollo Server through its gateway interface, the documented way to give it
 * another executor; Apollo Server still parses, validates and runs every plugin.
 */
export function compiledQueries(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null | typeof SEEN>>();
  const compile = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? "";
    const held = byName.get(key);
    if (held === undefined) {
      byName.set(key, SEEN);
      return null;
    }
    if (held !== SEEN) return held;
    let query: CompiledQuery | null = null;
    try {
      const made = compileQuery(schema, document, operationName, { disableLeafSerialization: false, customJSONSerializer: false });
      if (isCompiledQuery(made)) query = made;
    } catch {
      // graphql-js runs it, as it would any document graphql-jit reports it cannot compile
    }
    byName.set(key, query);
    return query;
  };
  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operation, request, context: contextValue } = requestContext;
    const operationName = requestContext.operationName ?? undefined;
    const interpreted = () => execute({ schema, document, contextValue, variableValues: request.variables, operationName }) as Promise<ExecutionResult> | ExecutionResult;
    const query = operation.operation === "query" ? compile(document, operationName) : null;
    if (!query) {
      compiledStats.interpreted++;
      return interpreted();
    }
    const answer = await query.query(undefined, contextValue, request.variables ?? {});
    if (answer.errors?.length) {
      compiledStats.recomputed++;
      return interpreted();
    }
    compiledStats.compiled++;
    return answer;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}
