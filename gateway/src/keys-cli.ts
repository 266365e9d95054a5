import "reflect-metadata";
import { databaseConfigFromEnv } from "../../platform/src/database";
import { databaseExists, describeDatabase } from "../../platform/src/database-location";
import { ExitCode, PermanentError, UsageError, runCommand } from "../../platform/src/cli";
import { KeyInputError, KeyStore } from "./auth/key-store";

const USAGE = `usage: npm run keys -- COMMAND [options]

  npm run keys -- --init                create the key store, once, where the gateway reads it
  npm run keys -- create --role OFFICIAL --country CR --label "DGME Costa Rica, Paso Canoas post"
  npm run keys -- create --role SECRETARIAT --label "CRM technical secretariat"
  npm run keys -- create --role PARTNER --conference CSM --label "CSM secretariat sync"
  npm run keys -- list                  id, role, country or conference, state, created, label
  npm run keys -- revoke ID

  The key store is the gateway's database: DATA_DIR/gateway.sqlite (DATA_DIR defaults to
  ./data), or GATEWAY_DATABASE_URL, else DATABASE_URL, on PostgreSQL. Every command prints
  the store it uses. A store that does not exist is an error, never created silently (a
  key made in the wrong store gets 401 from the gateway): create it with --init, or start
  the gateway once (npm start creates it). A created key is printed once; only its hash is kept.

  exit codes: 0 done; 1 the database could not be reached (run it again later);
  2 bad arguments, no key store, or no such key (fix the cause first)`;

const CONFIG = {
  allowPositionals: true,
  options: { init: { type: "boolean" }, role: { type: "string" }, country: { type: "string" }, conference: { type: "string" }, label: { type: "string" } },
} as const;

/** `npm run keys`: create the store (--init), create a key (shown once), list, revoke. */
export function runKeysCommand(argv: string[] = process.argv.slice(2)): Promise<ExitCode> {
  return runCommand(
    {
      name: "keys",
      usage: USAGE,
      config: CONFIG,
      async run({ positionals, values }) {
        const [command, id, ...extra] = positionals;
        const unexpected = command === "revoke" ? extra[0] : (id ?? extra[0]);
        if (unexpected !== undefined) throw new UsageError(`unexpected argument "${unexpected}"`);
        if (!command && !values.init) throw new UsageError("say what to do: --init, create, list or revoke");
        if (command && !["create", "list", "revoke"].includes(command)) throw new UsageError(`unknown command "${command}": create, list or revoke`);
        const config = databaseConfigFromEnv("gateway");
        const where = describeDatabase(config);
        const exists = await databaseExists(config, "gateway");
        if (!exists && !values.init) {
          throw new PermanentError(`no key store in ${where}: check DATA_DIR (or GATEWAY_DATABASE_URL / DATABASE_URL), which must be the gateway's; to create a new store there, add --init`);
        }
        console.error(`key store: ${where}${exists ? "" : " (created now)"}`);
        const keys = await KeyStore.open(config);
        try {
          if (command === "create") {
            const created = await keys.create({ role: values.role ?? "", country: values.country, conference: values.conference, label: values.label ?? "" }).catch((error) => {
              throw error instanceof KeyInputError ? new UsageError(error.message) : error;
            });
            console.log(`created key ${created.id} (${JSON.stringify(created.identity)})`);
            console.log(`\n  ${created.key}\n`);
            console.log("This is the only time the key is shown: only its hash is stored. Send it as `Authorization: Bearer <key>`.");
          } else if (command === "list") {
            for (const k of await keys.list()) {
              console.log([k.id, k.role, k.country ?? k.conference ?? "-", k.revokedAt ? `revoked ${k.revokedAt}` : "active", k.createdAt, JSON.stringify(k.label)].join("\t"));
            }
          } else if (command === "revoke") {
            if (!id) throw new UsageError("revoke: say which key (its id, see `list`)");
            if (!(await keys.revoke(id))) throw new PermanentError(`revoke: no active key "${id}" in this store`);
            console.log(`revoked key ${id}`);
          } else if (exists) {
            console.log("the key store already exists; nothing to do");
          } else {
            console.log("key store created");
          }
          return ExitCode.Done;
        } finally {
          await keys.close();
        }
      },
    },
    argv,
  );
}

if (require.main === module) void runKeysCommand();
