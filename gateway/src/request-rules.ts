import { GraphQLError, Kind, type ASTNode, type FieldNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";

/**
 * Validation rules for requests that graphql-js 16 lets through and @apollo/gateway then
 * throws on while planning, which Apollo Server answers with HTTP 500. Refused here, they
 * are a 400 with GRAPHQL_VALIDATION_FAILED before any subgraph is called.
 */

/**
 * An operation type the schema does not have (a `subscription` here): graphql-js 17 has
 * this rule (KnownOperationTypesRule); 16 fails only at execution.
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = node.operation === "query" ? schema.getQueryType() : node.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
    if (!root) context.reportError(new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: node }));
  },
});

/**
 * Float's parseLiteral (graphql-js 16) accepts a literal that overflows to Infinity
 * (`maxDistanceKm: 1e999`), which its parseValue and serialize refuse; the gateway's
 * planner then throws. No GraphQL number may be non-finite.
 */
export const finiteNumbersRule: ValidationRule = (context) => ({
  FloatValue(node) {
    if (!Number.isFinite(Number(node.value))) context.reportError(new GraphQLError(`Float cannot represent non-finite value ${node.value}.`, { nodes: node }));
  },
});

const INTROSPECTION_ROOTS = new Set(["__schema", "__type"]);

/**
 * Depth of a selection set, fragments flattened (a spread adds no level). Each fragment's
 * depth is computed once (`memo`), so fragments spread many times cost nothing more; a
 * cycle counts 0 (NoFragmentCyclesRule reports it).
 */
function depthOf(context: ValidationContext, set: SelectionSetNode | undefined, memo: Map<string, number>): number {
  if (!set) return 0;
  let depth = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) depth = Math.max(depth, 1 + depthOf(context, selection.selectionSet, memo));
    else if (selection.kind === Kind.INLINE_FRAGMENT) depth = Math.max(depth, depthOf(context, selection.selectionSet, memo));
    else {
      const name = selection.name.value;
      if (!memo.has(name)) {
        memo.set(name, 0);
        memo.set(name, depthOf(context, context.getFragment(name)?.selectionSet, memo));
      }
      depth = Math.max(depth, memo.get(name) ?? 0);
    }
  }
  return depth;
}

/**
 * The depth limit of introspection. The query depth limit leaves `__schema` out (GraphQL
 * Armor's default) because GraphiQL's own introspection is 14 deep (nine `ofType` levels);
 * without a limit of its own, a 50-deep `ofType` chain was accepted.
 */
export function introspectionDepthRule(limit: number): ValidationRule {
  return (context) => ({
    Field(node: FieldNode, _key, _parent, _path, ancestors: readonly (ASTNode | readonly ASTNode[])[]) {
      if (!INTROSPECTION_ROOTS.has(node.name.value)) return;
      // Only the outermost introspection field: its depth covers the nested ones.
      if (ancestors.some((a) => !Array.isArray(a) && (a as ASTNode).kind === Kind.FIELD && INTROSPECTION_ROOTS.has((a as FieldNode).name.value))) return;
      const depth = 1 + depthOf(context, node.selectionSet, new Map());
      if (depth > limit) context.reportError(new GraphQLError(`Introspection depth limit of ${limit} exceeded, found ${depth}.`, { nodes: node }));
    },
  });
}
