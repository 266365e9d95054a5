import fc from "fast-check";
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { valueFor } from "./values.arbitrary";

type Gen = fc.GeneratorValue;

export interface FuzzRequest {
  body: string;
  caller: "public" | "official" | "secretariat" | "partner";
}

/** A value as a GraphQL literal (JSON strings are GraphQL strings; enums bare when they look like names). */
function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return "null";
  const inner = isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, isListType(inner) ? inner.ofType : inner)).join(", ")}]`;
  if (typeof value === "object") {
    const fields = isInputObjectType(inner) ? inner.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? inner)}`)
      .join(", ")} }`;
  }
  if (typeof value === "string" && isEnumType(inner) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "1e999";
  return JSON.stringify(value);
}

/** The argument list of a field: required ones almost always, optional ones sometimes, each a variable or a literal. */
function argumentsOf(g: Gen, field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>, declarations: string[]): string {
  const args: string[] = [];
  for (const arg of field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (!(required ? g(fc.integer, { min: 0, max: 19 }) > 0 : g(fc.integer, { min: 0, max: 2 }) === 0)) continue;
    const value = valueFor(g, arg.type);
    if (g(fc.boolean)) {
      const name = `v${declarations.length}`;
      // Sometimes declared with a wrong type: a validation error, never a 500.
      const declared = g(fc.integer, { min: 0, max: 14 }) === 0 ? g(fc.constantFrom, "String", "Int!", "[Float]", "Boolean") : String(arg.type);
      declarations.push(`$${name}: ${declared}`);
      variables[name] = value;
      args.push(`${arg.name}: $${name}`);
    } else args.push(`${arg.name}: ${literal(value, arg.type)}`);
  }
  if (g(fc.integer, { min: 0, max: 99 }) === 0) args.push("bogus: 1");
  return args.length ? `(${args.join(", ")})` : "";
}

/** A selection set of an object type: one to three fields, objects followed up to the depth given. */
function selectionOf(g: Gen, type: GraphQLObjectType, schema: GraphQLSchema, depth: number, variables: Record<string, unknown>, declarations: string[]): string {
  const fields = Object.values(type.getFields());
  const count = g(fc.integer, { min: 1, max: 3 });
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const field = fields[g(fc.integer, { min: 0, max: fields.length - 1 })];
    const named = getNamedType(field.type);
    const args = argumentsOf(g, field, variables, declarations);
    const alias = i > 0 ? `a${i}: ` : "";
    if (isLeafType(named)) parts.push(`${alias}${field.name}${args}`);
    else if (depth <= 0) parts.push(`${alias}__typename`);
    else if (isObjectType(named)) parts.push(`${alias}${field.name}${args} { ${selectionOf(g, named, schema, depth - 1, variables, declarations)} }`);
    else if (isAbstractType(named)) {
      const possible = schema.getPossibleTypes(named);
      const chosen = possible[g(fc.integer, { min: 0, max: possible.length - 1 })];
      parts.push(`${alias}${field.name}${args} { __typename ... on ${chosen.name} { ${selectionOf(g, chosen, schema, depth - 1, variables, declarations)} } }`);
    }
  }
  return parts.join(" ");
}

/** Breaks a document the way people and tools do: cut short, a stray character, a wrong operationName. */
function spoil(g: Gen, body: { query: string; variables: unknown; operationName?: string }): void {
  switch (g(fc.integer, { min: 0, max: 3 })) {
    case 0:
      body.query = body.query.slice(0, g(fc.integer, { min: 0, max: body.query.length }));
      break;
    case 1: {
      const at = g(fc.integer, { min: 0, max: body.query.length });
      body.query = body.query.slice(0, at) + g(fc.constantFrom, "{", "}", "$", '"', "...", "@skip", "#", "\u0000") + body.query.slice(at);
      break;
    }
    case 2:
      body.operationName = g(fc.constantFrom, "Nope", "", "Fuzz");
      break;
    default:
      body.query = `${body.query} query Other { __typename }`;
  }
}

/** Requests generated from the API schema: valid and invalid operations, random variables, any caller. */
export function requestArbitrary(schema: GraphQLSchema): fc.Arbitrary<FuzzRequest> {
  return fc.gen().map((g) => {
    const mutation = g(fc.integer, { min: 0, max: 3 }) === 0;
    const root = (mutation ? schema.getMutationType() : schema.getQueryType()) as GraphQLObjectType;
    const variables: Record<string, unknown> = {};
    const declarations: string[] = [];
    const selection = selectionOf(g, root, schema, g(fc.integer, { min: 0, max: 4 }), variables, declarations);
    const head = `${mutation ? "mutation" : "query"} Fuzz${declarations.length ? `(${declarations.join(", ")})` : ""}`;
    const body: { query: string; variables: unknown; operationName?: string } = { query: `${head} { ${selection} }`, variables };
    if (g(fc.integer, { min: 0, max: 9 }) === 0) spoil(g, body);
    if (g(fc.integer, { min: 0, max: 29 }) === 0) body.variables = g(fc.constantFrom, [], "x", 1, null);
    const caller = g(fc.constantFrom, "public", "official", "secretariat", "partner") as FuzzRequest["caller"];
    return { body: JSON.stringify(body), caller };
  });
}
