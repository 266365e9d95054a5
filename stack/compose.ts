import { composeServices } from "@apollo/composition";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, printSchema } from "graphql";
import { API_SCHEMA_PATH, projectRoot, SUPERGRAPH_PATH } from "../platform/src/paths";
import { SUBGRAPHS } from "../subgraphs";

const HEADER = "# Composed at build time by `npm run compose` from subgraphs/*/schema.graphql. Do not edit.\n";

/**
 * Composes the supergraph from the subgraphs' committed SDL with @apollo/composition and
 * writes it (for the gateway, or an Apollo Router) plus the public API schema (for
 * clients and codegen). Fails on composition errors and on hints: a hint is a schema
 * smell we would rather fix than ship. With --check, writes nothing and fails when the
 * committed files are stale.
 */
function main(check: boolean): void {
  const services = SUBGRAPHS.map(({ name, defaultPort }) => ({
    name,
    url: `http://127.0.0.1:${defaultPort}/graphql`,
    typeDefs: parse(readFileSync(join(projectRoot(), "subgraphs", name, "schema.graphql"), "utf8")),
  }));
  const result = composeServices(services);
  if (result.errors) {
    for (const error of result.errors) console.error(`composition error: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  for (const hint of result.hints) console.error(`composition hint (${hint.definition.code}): ${hint.message}`);
  if (result.hints.length) process.exitCode = 1;

  const outputs: [string, string][] = [
    [SUPERGRAPH_PATH, `${HEADER}${result.supergraphSdl}\n`],
    [API_SCHEMA_PATH, `${HEADER}${printSchema(result.schema.toAPISchema().toGraphQLJSSchema())}\n`],
  ];
  for (const [path, content] of outputs) {
    let current = "";
    try {
      current = readFileSync(path, "utf8");
    } catch {
      // missing: stale
    }
    if (current === content) continue;
    const name = path.slice(projectRoot().length + 1);
    if (check) {
      console.error(`stale: ${name} differs from what the subgraphs compose to; run npm run compose`);
      process.exitCode = 1;
    } else {
      writeFileSync(path, content);
      console.log(`wrote ${name}`);
    }
  }
}

main(process.argv.includes("--check"));
