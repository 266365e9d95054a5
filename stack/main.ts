import "../platform/src/production-default"; // first: NODE_ENV before graphql-js loads
import "reflect-metadata";
import { databaseConfigFromEnv } from "../platform/src/database";
import { describeDatabase } from "../platform/src/database-location";
import { runMain, stopOnSignals } from "../platform/src/process";
import { corsOriginsFromEnv } from "../gateway/src/cors";
import { limitsFromEnv } from "../gateway/src/limits";
import { SUBGRAPHS } from "../subgraphs";
import { assertPortsFree } from "./ports";
import { startStack } from "./start";

/**
 * `npm start`: the embedded default. SQLite files under DATA_DIR (default data/), created,
 * migrated and seeded on first start; or PostgreSQL when DATABASE_URL is set.
 */
async function main(): Promise<void> {
  const env = process.env;
  const host = env.HOST ?? "127.0.0.1";
  const gatewayPort = Number(env.PORT ?? 4000);
  const subgraphPorts = Object.fromEntries(SUBGRAPHS.map(({ name, defaultPort }) => [name, Number(env[`${name.toUpperCase()}_PORT`] ?? defaultPort)]));
  await assertPortsFree(host, [
    { who: "the gateway", variable: "PORT", port: gatewayPort },
    ...SUBGRAPHS.map(({ name }) => ({ who: `the ${name} subgraph`, variable: `${name.toUpperCase()}_PORT`, port: subgraphPorts[name] })),
  ]);
  console.log(`Enlace (NODE_ENV=${env.NODE_ENV}): opening the databases (created on first start), migrating and seeding...`);
  for (const owner of ["gateway", ...SUBGRAPHS.map((s) => s.name)]) console.log(`  ${owner}: ${describeDatabase(databaseConfigFromEnv(owner))}`);
  const stack = await startStack({
    database: (name) => databaseConfigFromEnv(name),
    // One process: a random secret unless the operator pins one (to sign for separately run subgraphs).
    identitySecret: env.IDENTITY_SECRET,
    host,
    gatewayPort,
    subgraphPorts,
    seed: env.SEED !== "0",
    limits: limitsFromEnv(),
    corsOrigins: corsOriginsFromEnv(),
    onSeed: (summary) => console.log(summary),
  });
  for (const [name, subgraph] of Object.entries(stack.subgraphs)) console.log(`subgraph ${name}: ${subgraph.url}`);
  for (const subgraph of SUBGRAPHS) {
    const seconds = (await subgraph.load()).warmUp?.();
    if (seconds !== undefined) console.log(`${subgraph.name}: loaded what its first request needs in ${seconds.toFixed(1)} s (places: gazetteer and country boundaries)`);
  }
  console.log(
    `\nEnlace is up.\n  Directory (web pages): ${new URL(stack.url).origin}/\n  Border lookup:         ${new URL(stack.url).origin}/lookup\n  Playground (GraphiQL, works offline): ${stack.url}\nPress Ctrl-C to stop.`,
  );

  stopOnSignals(stack.stop, () => console.log("stopped."));
}

runMain("Enlace", main);
