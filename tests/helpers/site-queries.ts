import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse, print, separateOperations, type OperationDefinitionNode } from "graphql";
import type { Listening } from "../../platform/src/http";

/**
 * The reads the site, the lookup and the clients send (operations/), and awkward documents
 * beside them: what two paths that must answer alike are both asked (the gateway's
 * single-fetch path and its plan; the directory's compiled and interpreted execution).
 */
export const OPERATIONS_DIR = join(__dirname, "../../operations");
export const examples = JSON.parse(readFileSync(join(OPERATIONS_DIR, "examples.json"), "utf8")) as Record<string, { role?: string; variables: Record<string, unknown> }>;

/** Every query in operations/, each with the fragments it uses (graphql-js's separateOperations) and its example's variables. */
export function siteQueries() {
  const out: { name: string; query: string; variables: Record<string, unknown> }[] = [];
  for (const file of readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith(".graphql"))) {
    for (const [name, document] of Object.entries(separateOperations(parse(readFileSync(join(OPERATIONS_DIR, file), "utf8"))))) {
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      if (operation?.operation === "query") out.push({ name, query: print(document), variables: examples[name]?.variables ?? {} });
    }
  }
  return out;
}

export const AWKWARD: { name: string; query: string; variables?: Record<string, unknown>; operationName?: string; body?: string; single: boolean }[] = [
  {
    name: "aliases, a fragment, @include/@skip, __typename at the root",
    query: `query Mixed($first: Int, $yes: Boolean!) {
      __typename
      a: representations(first: $first) { totalCount nodes { ...Office kind @skip(if: $yes) id @include(if: $yes) } }
      b: representation(id: "ht-mx-emb-mexico-city") { n: name(lang: EN) ...Office }
    }
    fragment Office on Representation { __typename name cityName(lang: FR) hostCountry { code name(lang: PT) } procedures { procedure { code } basis } }`,
    variables: { first: 3, yes: true },
    single: true,
  },
  { name: "an office that does not exist", query: `{ representation(id: "nope") { id } }`, single: true },
  { name: "a misspelt place (BAD_USER_INPUT with suggestions)", query: `{ places(search: "Tapachla") { name } }`, single: true },
  {
    name: "a resolver's error that nulls the whole answer",
    query: `{ procedures { code } nearestRepresentations(nationalities: ["ZZ"], near: { place: "Tapachula" }) { byNationality { results { distanceKm } } } }`,
    single: true,
  },
  { name: "a restricted field's error beside data", query: `{ procedures { code } representation(id: "ht-mx-emb-mexico-city") { id auditTrail(first: 2) { action at } } }`, single: true },
  { name: "a variable of the wrong type", query: `query ($first: Int) { representations(first: $first) { totalCount } }`, variables: { first: "many" }, single: false },
  {
    name: "a Float variable that is Infinity once parsed (JSON 1e999)",
    query: "",
    body: '{"query":"query ($d: Float) { procedures { code } nearestRepresentations(nationalities: [\\"BD\\"], near: { place: \\"Tapachula\\" }, maxDistanceKm: $d) { place { name } } }","variables":{"d":1e999}}',
    single: false,
  },
  { name: "introspection beside data", query: `{ __type(name: "Representation") { name } procedures { code } }`, single: false },
  { name: "two subgraphs (roster and directory)", query: `{ focalPoints(first: 3) { id role representation { id name } } }`, single: false },
  { name: "one subgraph of two operations in a document", query: `query A { procedures { code } } query B { countries { code } }`, operationName: "B", single: true },
  { name: "restricted fields (roster)", query: `{ focalPoints(first: 5) { id institution personName emails phones } }`, single: true },
];

/** POSTs one operation (or a raw body) to a gateway listening here; the status and the answer's text. */
export async function askGateway(
  listening: Listening,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string; body?: string },
  headers: Record<string, string>,
  lang: string,
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${listening.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": lang, ...headers },
    body: request.body ?? JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName }),
  });
  return { status: response.status, body: await response.text() };
}
