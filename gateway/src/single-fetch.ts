import { ERRORS, errorCodeDef, operationFromDocument, Supergraph, type Schema } from "@apollo/federation-internals";
import type { ApolloGateway, GraphQLDataSource } from "@apollo/gateway";
// Not re-exported from the package's index; the data sources' own module.
import { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types";
import { QueryPlanner } from "@apollo/query-planner";
import { AnswerBytes } from "./answer-bytes";
import type { GatewayContext } from "./context";
import { getVariableValues, GraphQLError, Kind, validate, visit, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from "graphql";

type Load = ApolloGateway["load"];
type LoadResult = Awaited<ReturnType<Load>>;
type Executor = LoadResult["executor"];
type ExecutorContext = Parameters<Executor>[0];

/**
 * Which subgraph can answer an operation whole, in one fetch of the caller's own document.
 *
 * The gateway's usual path plans the operation, sends the subgraph a rewritten operation,
 * then rebuilds the answer field by field (@apollo/gateway's result shaping: 30.6 % of the
 * gateway's busy CPU on the official's list, docs/performance.md). When the plan is a
 * single fetch from the root, the subgraph's own answer to the caller's document is the
 * answer: the subgraph resolves every field and applies the same null rules. So that
 * document is sent as it came and the subgraph's data is returned as it is.
 *
 * An operation goes this way only when all of these hold, decided once per parsed document
 * and operation name:
 * - it is a query (never a mutation: those keep the gateway's plan and its ordering);
 * - the query planner's plan for it is one fetch from the root, with no entity
 *   representations, requires or rewrites;
 * - the whole document validates against that subgraph's schema, extracted from the same
 *   supergraph (a fragment on a type the subgraph does not know sends it the usual way);
 * - it asks no introspection field (`__schema`, `__type`): the gateway answers those from
 *   the public schema, which is not the subgraph's.
 */
export class SingleFetchPlanner {
  private readonly planner: QueryPlanner;
  private readonly apiSchema: Schema;
  private readonly subgraphSchemas = new Map<string, GraphQLSchema>();
  private readonly decided = new WeakMap<DocumentNode, Map<string, string | null>>();

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.planner = new QueryPlanner(supergraph);
    this.apiSchema = supergraph.apiSchema();
    for (const subgraph of supergraph.subgraphs()) this.subgraphSchemas.set(subgraph.name, subgraph.schema.toGraphQLJSSchema());
  }

  /** The subgraph that answers this operation in one fetch of the document, or null. */
  subgraphFor(document: DocumentNode, operationName: string | null | undefined): string | null {
    let byName = this.decided.get(document);
    if (!byName) this.decided.set(document, (byName = new Map()));
    const key = operationName ?? "";
    let subgraph = byName.get(key);
    if (subgraph === undefined) {
      subgraph = this.decide(document, operationName ?? undefined);
      byName.set(key, subgraph);
    }
    return subgraph;
  }

  private decide(document: DocumentNode, operationName: string | undefined): string | null {
    if (asksIntrospection(document)) return null;
    let plan;
    try {
      const operation = operationFromDocument(this.apiSchema, document, { operationName, validate: false });
      if (operation.rootKind !== "query") return null;
      plan = this.planner.buildQueryPlan(operation);
    } catch {
      return null; // the usual path reports it
    }
    const node = plan.node;
    if (node?.kind !== "Fetch" || node.requires || node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) return null;
    const schema = this.subgraphSchemas.get(node.serviceName);
    if (!schema || validate(schema, document).length > 0) return null;
    return node.serviceName;
  }
}

function asksIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](field) {
      if (field.name.value === "__schema" || field.name.value === "__type") found = true;
    },
  });
  return found;
}

/** A subgraph's error as the gateway's own path reports it (@apollo/gateway's downstreamServiceError). */
function downstreamError(error: GraphQLFormattedError, serviceName: string): GraphQLError {
  const options = { originalError: error as Error, path: error.path, extensions: { ...error.extensions, serviceName } };
  const message = error.message || `Error while fetching subquery from service "${serviceName}"`;
  const code = errorCodeDef(error as GraphQLError);
  if (!code && error.extensions?.code) return new GraphQLError(message, options);
  return (code ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

export const singleFetchStats = { single: 0, planned: 0, bytes: 0 };

/**
 * Variables the public schema refuses (1e999 for a Float is Infinity once parsed, and would
 * reach the subgraph as null): the gateway's executor checks them and reports them, as
 * before. Asked only for operations that could take the single fetch, which the executor's
 * own check then never sees.
 */
function variablesRefused({ operation, schema, request }: ExecutorContext): boolean {
  const definitions = operation.variableDefinitions;
  return !!definitions?.length && getVariableValues(schema, definitions, request.variables ?? {}).errors !== undefined;
}

/**
 * The gateway's executor with the single-fetch path in front. Anything the path cannot
 * answer exactly as the plan would goes to the gateway's executor: an operation that needs
 * a plan, variables the public schema refuses, a subgraph that cannot be reached, or an
 * answer with no data (the gateway words those errors its own way).
 */
export function singleFetchExecutor(executor: Executor, planner: SingleFetchPlanner, services: ReadonlyMap<string, GraphQLDataSource>): Executor {
  return async (requestContext: ExecutorContext) => {
    const { document, source, request } = requestContext;
    const name = source ? planner.subgraphFor(document, requestContext.operationName ?? request.operationName) : null;
    const service = name ? services.get(name) : undefined;
    if (!name || !service || !source || variablesRefused(requestContext)) {
      singleFetchStats.planned++;
      return executor(requestContext);
    }
    const answer = (requestContext.context as Partial<GatewayContext>).answer;
    let response;
    try {
      if (answer) answer.wantsBytes = true;
      response = await service.process({
        kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
        request: { query: source, variables: request.variables, operationName: request.operationName ?? undefined },
        incomingRequestContext: requestContext,
        context: requestContext.context,
        document,
        pathInIncomingRequest: undefined,
      });
    } catch {
      singleFetchStats.planned++;
      return executor(requestContext);
    } finally {
      if (answer) answer.wantsBytes = false;
    }
    if (answer && response.data instanceof AnswerBytes) {
      singleFetchStats.single++;
      singleFetchStats.bytes++;
      answer.bytes.push(response.data);
      return { data: response.data as never };
    }
    if (response.data === undefined) {
      singleFetchStats.planned++;
      return executor(requestContext);
    }
    singleFetchStats.single++;
    if (!response.errors?.length) return { data: response.data };
    return { data: response.data, errors: response.errors.map((error) => downstreamError(error, name)) };
  };
}

/** Wraps an ApolloGateway so that Apollo Server runs operations through singleFetchExecutor. */
export function withSingleFetch(gateway: ApolloGateway, planner: SingleFetchPlanner, services: ReadonlyMap<string, GraphQLDataSource>) {
  return {
    load: async (options: Parameters<Load>[0]): Promise<LoadResult> => {
      const loaded = await gateway.load(options);
      return { ...loaded, executor: singleFetchExecutor(loaded.executor, planner, services) };
    },
    onSchemaLoadOrUpdate: gateway.onSchemaLoadOrUpdate.bind(gateway),
    stop: () => gateway.stop(),
  };
}
