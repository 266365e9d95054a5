import "reflect-metadata";
import { parseArgs } from "node:util";
import { databaseConfigFromEnv } from "../../subgraphs/shared/src/database";
import { KeyInputError, KeyStore } from "./auth/key-store";

const USAGE = `usage:
  npm run keys -- create --role OFFICIAL --country CR --label "DGME Costa Rica, Paso Canoas post"
  npm run keys -- create --role SECRETARIAT --label "CRM technical secretariat"
  npm run keys -- create --role PARTNER --conference CSM --label "CSM secretariat sync"
  npm run keys -- list
  npm run keys -- revoke <id>
Keys live in the gateway's database (DATA_DIR/gateway.sqlite, or GATEWAY_DATABASE_URL / DATABASE_URL).`;

/** `npm run keys`: create (the key is shown once), list, revoke. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: "string" }, country: { type: "string" }, conference: { type: "string" }, label: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, id] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const keys = await KeyStore.open(databaseConfigFromEnv("gateway"));
  try {
    switch (command) {
      case "create": {
        const created = await keys.create({ role: values.role ?? "", country: values.country, conference: values.conference, label: values.label ?? "" });
        console.log(`created key ${created.id} (${JSON.stringify(created.identity)})`);
        console.log(`\n  ${created.key}\n`);
        console.log("This is the only time the key is shown: only its hash is stored. Send it as `Authorization: Bearer <key>`.");
        return 0;
      }
      case "list":
        for (const k of await keys.list()) {
          console.log([k.id, k.role, k.country ?? k.conference ?? "-", k.revokedAt ? `revoked ${k.revokedAt}` : "active", k.createdAt, JSON.stringify(k.label)].join("\t"));
        }
        return 0;
      case "revoke":
        if (!id) throw new KeyInputError("id", "say which key to revoke (see `list`)");
        if (!(await keys.revoke(id))) throw new KeyInputError("id", `no active key "${id}"`);
        console.log(`revoked key ${id}`);
        return 0;
      default:
        console.error(`unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } finally {
    await keys.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error instanceof KeyInputError ? `error: ${error.message}` : error);
    process.exitCode = error instanceof KeyInputError ? 2 : 1;
  },
);
