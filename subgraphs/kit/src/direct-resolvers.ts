import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { GraphQLScalarType, type GraphQLResolveInfo } from "graphql";
import { getMetadataStorage } from "type-graphql";

/** The parts of type-graphql's field-resolver metadata read here (type-graphql 2.0). */
interface ParamMetadata {
  kind: string;
  index: number;
  name?: string;
  propertyName?: string;
  getType?: () => unknown;
}
interface FieldResolverMetadata {
  kind: string;
  target: new () => Record<string, (...args: unknown[]) => unknown>;
  methodName: string;
  schemaName: string;
  params?: ParamMetadata[];
  roles?: unknown[];
  middlewares?: unknown[];
  getObjectType?: () => unknown;
}

type ParamReader = (root: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;

/** How each kind of parameter is read, as type-graphql would, or null when only type-graphql can (input objects). */
function readerOf(param: ParamMetadata, enums: ReadonlySet<unknown>): ParamReader | null {
  switch (param.kind) {
    case "root":
      return param.propertyName ? (root) => (root as Record<string, unknown>)[param.propertyName as string] : (root) => root;
    case "context":
      return param.propertyName ? (_r, _a, context) => (context as Record<string, unknown>)[param.propertyName as string] : (_r, _a, context) => context;
    case "info":
      return (_r, _a, _c, info) => info;
    case "arg": {
      // Scalars and enums reach the method as graphql-js parsed them; an input object
      // would be turned into its class by type-graphql: leave those to it.
      const type = param.getType?.();
      const plain = type instanceof GraphQLScalarType || enums.has(type) || type === String || type === Number || type === Boolean;
      const name = param.name as string;
      return plain ? (_r, args) => args[name] : null;
    }
    default:
      return null;
  }
}

/**
 * type-graphql calls every field resolver through a wrapper that copies the parent into
 * a new instance of its class (`@Root()`), sorts the parameters, and awaits an `async`
 * argument validation even with `validate: false`: a resolver with a `lang` argument
 * always returns a promise, and a list of 50 offices with their procedures made ~1,000
 * of them per request (issue 23: skipping it took the directory's W1 from 20.5 to 11.5 ms
 * of CPU per request, measured one after the other on the same machine).
 *
 * This replaces, in the resolver map, each field resolver of `resolverClasses` whose
 * parameters are only the parent, the context, `info` and scalar or enum arguments, and
 * that has no type-graphql middleware or `@Authorized` roles, by a direct call of the same
 * method on the same kind of instance: what the method returns is what graphql-js gets,
 * a value when it computes one, a promise only when it awaits. Anything else keeps
 * type-graphql's wrapper. The parent is passed as it is (plain rows stay plain rows).
 * Only for schemas built with `validate: false` and no global middlewares (the caller,
 * federated-schema.ts, checks): those are what the wrapper would otherwise apply.
 */
export function directFieldResolvers(resolvers: GraphQLResolverMap<unknown>, resolverClasses: readonly unknown[]): void {
  const storage = getMetadataStorage() as unknown as {
    fieldResolvers: FieldResolverMetadata[];
    objectTypes: { target: unknown; name: string }[];
    enums: { enumObj: object }[];
  };
  const classes = new Set(resolverClasses);
  const enums = new Set<unknown>(storage.enums.map((e) => e.enumObj));
  const instances = new Map<unknown, Record<string, (...args: unknown[]) => unknown>>();
  for (const def of storage.fieldResolvers) {
    if (!classes.has(def.target) || def.kind !== "external" || def.roles?.length || def.middlewares?.length) continue;
    const objectClass = def.getObjectType?.();
    const typeName = storage.objectTypes.find((o) => o.target === objectClass)?.name;
    const fields = typeName ? (resolvers[typeName] as Record<string, unknown> | undefined) : undefined;
    if (!typeName || !fields || typeof fields[def.schemaName] !== "function") continue;
    const params = [...(def.params ?? [])].sort((a, b) => a.index - b.index);
    const readers = params.map((param) => readerOf(param, enums));
    if (readers.some((r) => r === null)) continue;
    let instance = instances.get(def.target);
    if (!instance) instances.set(def.target, (instance = new def.target()));
    const method = instance[def.methodName];
    const self = instance;
    const read = readers as ParamReader[];
    fields[def.schemaName] = (root: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) =>
      method.apply(
        self,
        read.map((r) => r(root, args, context, info)),
      );
  }
}
