import { buildASTSchema, isAbstractType, Kind, parse, TypeInfo, visit, visitWithTypeInfo, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode, type GraphQLSchema } from "graphql";

/** The subgraph whose revision keys the cache: only its data may be cached. */
export const CACHED_GRAPH = "DIRECTORY";

const graphOf = (directive: ConstDirectiveNode): string | undefined => {
  const arg = directive.arguments?.find((a) => a.name.value === "graph");
  return arg?.value.kind === Kind.ENUM ? arg.value.value : undefined;
};

const isExternal = (directive: ConstDirectiveNode) => directive.arguments?.some((a) => a.name.value === "external" && a.value.kind === Kind.BOOLEAN && a.value.value);

/**
 * Which answers hold only public data whose freshness the directory revision tracks,
 * decided from the supergraph: a field is uncacheable when it carries `@restricted` (some
 * role may not see it: personal fields, audit trails) or when the directory subgraph does
 * not resolve it (its data changes without moving the directory revision: focal points,
 * partner contacts). Verdicts are remembered per document text.
 */
export class CachePolicy {
  /** "Type.field" → why answers with it are not cached. */
  readonly uncacheable = new Map<string, string>();
  private readonly schema: GraphQLSchema;
  private readonly verdicts = new Map<string, string | null>();

  constructor(supergraphSdl: string) {
    const document = parse(supergraphSdl);
    this.schema = buildASTSchema(document, { assumeValidSDL: true });
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
      const typeGraphs = (definition.directives ?? []).filter((d) => d.name.value === "join__type").map(graphOf);
      for (const field of definition.fields ?? []) this.classify(definition.name.value, typeGraphs, field);
    }
  }

  private classify(typeName: string, typeGraphs: (string | undefined)[], field: FieldDefinitionNode): void {
    const directives = field.directives ?? [];
    const restricted = directives.find((d) => d.name.value === "restricted");
    const joins = directives.filter((d) => d.name.value === "join__field");
    const graphs = joins.length ? joins.filter((d) => !isExternal(d)).map(graphOf) : typeGraphs;
    const coordinate = `${typeName}.${field.name.value}`;
    if (restricted) this.uncacheable.set(coordinate, "restricted to some roles");
    else if (!graphs.includes(CACHED_GRAPH)) this.uncacheable.set(coordinate, `resolved by ${graphs.join(", ").toLowerCase()}, whose writes do not move the directory revision`);
  }

  /** Null when every field the document selects is public directory data; else the reason it is not. */
  reasonNotToCache(text: string, document?: DocumentNode): string | null {
    const known = this.verdicts.get(text);
    if (known !== undefined) return known;
    let reason: string | null = null;
    try {
      reason = this.judge(document ?? parse(text));
    } catch {
      reason = "not a valid document";
    }
    if (this.verdicts.size > 10_000) this.verdicts.clear(); // bounded: documents are few; a flood of distinct ones is not remembered
    this.verdicts.set(text, reason);
    return reason;
  }

  /** What was decided for this text, without deciding (undefined: not seen yet). */
  knownReason(text: string): string | null | undefined {
    return this.verdicts.get(text);
  }

  private judge(document: DocumentNode): string | null {
    let reason: string | null = null;
    const typeInfo = new TypeInfo(this.schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        OperationDefinition: (node) => {
          if (node.operation !== "query") reason ??= `a ${node.operation}`;
        },
        Field: (node) => {
          const name = node.name.value;
          if (name === "__typename") return;
          if (name.startsWith("__")) return void (reason ??= "introspection");
          const parent = typeInfo.getParentType();
          if (!parent || !typeInfo.getFieldDef()) return void (reason ??= `unknown field ${name}`);
          const types = isAbstractType(parent) ? [parent, ...this.schema.getPossibleTypes(parent)] : [parent];
          for (const type of types) {
            const why = this.uncacheable.get(`${type.name}.${name}`);
            if (why) reason ??= `${type.name}.${name} is ${why}`;
          }
        },
      }),
    );
    return reason;
  }
}
