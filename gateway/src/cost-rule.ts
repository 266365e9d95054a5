import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  visit,
} from "graphql";
import { Role } from "../../platform/src/identity";
import type { GatewayContext } from "./context";

/**
 * How many items a list field may hold when the request does not say (no `first`): its
 * page limit, or what the data can hold. Lists not named here count DEFAULT_LIST_SIZE. A
 * `first` given (literal or variable) counts as given, at most this size.
 */
export const LIST_SIZES: Record<string, number> = {
  "Query.countries": 250,
  "Query.procedures": 10,
  "Query.representations": 100,
  "Query.partnerContacts": 100,
  "Query.focalPoints": 100,
  "Query.focalPointsWithTermsEnding": 200,
  "Query.places": 20,
  "Country.partnerContacts": 500,
  "Country.focalPoints": 30,
  "Representation.procedures": 10,
  "Representation.jurisdiction": 20,
  "Representation.fieldSources": 40,
  "Representation.phones": 10,
  "RepresentationConnection.nodes": 100,
  "RepresentationConnection.edges": 100,
  "PartnerContactFeed.entries": 1000,
  "FocalPointFeed.entries": 1000,
  "BatchReport.rows": 5000,
  "NearestRepresentations.byNationality": 10,
  "NearestForNationality.results": 50,
  "ResolvedPlace.alternatives": 5,
};
export const DEFAULT_LIST_SIZE = 50;
/** Connections whose lists take their size from the connection field's `first`. */
const PAGED_LISTS = new Set(["nodes", "edges", "entries", "results", "byNationality", "rows"]);

/** The number of items of a list argument (a literal list or a variable's array). */
function listLength(value: ValueNode, variables: Record<string, unknown>): number {
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return Array.isArray(given) ? given.length : 0;
  }
  return 0;
}

/**
 * A field's page: its `first` (a literal, or a variable's value), else, for a batch, the
 * rows it sends (`contacts` and `remove`: its report has a row each); undefined when
 * neither is given.
 */
function firstOf(node: FieldNode, variables: Record<string, unknown>): number | undefined {
  const arg = node.arguments?.find((a) => a.name.value === "first");
  const batch = node.arguments?.filter((a) => a.name.value === "contacts" || a.name.value === "remove") ?? [];
  if (!arg && batch.length) return batch.reduce((n, a) => n + listLength(a.value, variables), 0);
  if (!arg) return undefined;
  const value: ValueNode = arg.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === "number" ? given : undefined;
  }
  return undefined;
}

/**
 * The most objects and values an operation can return: every field counts 1 × the sizes
 * of the lists above it; a list's size is the `first` asked (of the field, or of the
 * connection above it), at most its size above. The operations of the project's own
 * clients cost at most ~60,000 for anonymous callers; `{ countries { partnerContacts {
 * country { partnerContacts { id } } } } }` costs 125 million.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): number {
  const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const memo = new Map<string, number>();
  const visit = (type: GraphQLCompositeType, set: SelectionSetNode | undefined, page: number | undefined, depth: number): number => {
    if (!set || depth > 64) return 0;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith("__")) {
          cost += 1;
          continue;
        }
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!field) continue; // unknown fields are another rule's error
        const first = firstOf(selection, variables);
        const named0 = getNamedType(field.type);
        // A list of scalars (e-mails, languages) is one value of small size; lists of objects multiply.
        const isList = isListType(getNullableType(field.type as GraphQLOutputType)) && (isObjectType(named0) || isInterfaceType(named0));
        const size = LIST_SIZES[`${type.name}.${field.name}`] ?? DEFAULT_LIST_SIZE;
        const asked = first ?? (PAGED_LISTS.has(field.name) ? page : undefined);
        const times = isList ? Math.max(0, Math.min(asked ?? size, size)) : 1;
        const named = getNamedType(field.type);
        const inner = isObjectType(named) || isInterfaceType(named) ? visit(named, selection.selectionSet, isList ? undefined : (first ?? page), depth + 1) : 0;
        cost += times * (1 + inner);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined) : type;
        cost += visit(on ?? type, selection.selectionSet, page, depth);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        const key = `${selection.name.value}@${type.name}@${page ?? ""}`;
        if (!memo.has(key)) {
          memo.set(key, 0); // a cycle counts nothing (NoFragmentCyclesRule reports it)
          const on = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
          memo.set(key, visit(on ?? type, fragment.selectionSet, page, depth));
        }
        cost += memo.get(key) ?? 0;
      }
      if (cost > Number.MAX_SAFE_INTEGER / 2) return cost;
    }
    return cost;
  };
  return visit(root, operation.selectionSet, undefined, 0);
}

/** The arguments whose values a cost reads (firstOf, listLength). */
const COST_ARGUMENTS = new Set(["first", "contacts", "remove"]);

/** The variables a document's cost can depend on: those given to `first`, `contacts` or `remove`. */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (!COST_ARGUMENTS.has(node.name.value)) return;
      const values = node.value.kind === Kind.LIST ? node.value.values : [node.value];
      for (const value of values) if (value.kind === Kind.VARIABLE) names.add(value.name.value);
    },
  });
  return [...names];
}

/** What of a variable's value a cost reads: a number as `first`, an array's length as a batch. */
const costPart = (value: unknown) => (typeof value === "number" ? String(value) : Array.isArray(value) ? `[${value.length}]` : "-");

/**
 * Costs per operation of a parsed document (Apollo Server hands the same DocumentNode for
 * the same text), by the values of the variables the cost reads, at most 64 each. The walk
 * was 8 % of the gateway's busy CPU on the nearest search with a key.
 */
const costs = new WeakMap<OperationDefinitionNode, { variables: string[]; byKey: Map<string, number> }>();

export function cachedOperationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  let held = costs.get(operation);
  if (!held) costs.set(operation, (held = { variables: costVariables(document), byKey: new Map() }));
  const key = held.variables.map((name) => costPart(variables[name])).join(",");
  let cost = held.byKey.get(key);
  if (cost === undefined) {
    cost = operationCost(schema, document, operation, variables);
    if (held.byKey.size >= 64) held.byKey.clear();
    held.byKey.set(key, cost);
  }
  return cost;
}

/** The cost limit of a caller: anonymous callers and officials the default; the secretariat's and partners' batches and feeds more. */
export interface CostLimits {
  default: number;
  /** SECRETARIAT and PARTNER keys: feeds of 1,000 entries, batches of 5,000 rows. */
  withBatchKey: number;
}

/**
 * Refuses, once the operation is known and before any subgraph is called, one whose cost
 * is over the caller's limit: a 400 COST_LIMIT_EXCEEDED naming both numbers.
 */
export function costLimitPlugin(limits: CostLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const role = contextValue.identity.role;
          const limit = role === Role.SECRETARIAT || role === Role.PARTNER ? limits.withBatchKey : limits.default;
          const cost = cachedOperationCost(schema, document, operation, (request.variables ?? {}) as Record<string, unknown>);
          if (cost > limit) {
            throw new GraphQLError(
              `Operation cost ${cost.toLocaleString("en")} is over the limit of ${limit.toLocaleString("en")} (lists × fields: ask for fewer items with \`first\`, or fewer nested lists).`,
              {
                extensions: { code: "COST_LIMIT_EXCEEDED", cost, limit, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
