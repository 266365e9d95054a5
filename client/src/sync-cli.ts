import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { GatewayError } from "./gateway-client";
import type { PullProgress } from "./pull";
import { runSync } from "./sync";

const USAGE = `usage: npm run sync -- --gateway URL --key KEY --out DIR [--push FILE [--mode FULL|INCREMENTAL] [--batch-id ID]] [--page-size N]

  Pulls the CRM focal points and the partner contacts your key may see, as changes since
  the last run (the token is kept in DIR/enlace-sync.sqlite), and writes DIR/crm-focal-points
  and DIR/partner-contacts as .vcf (vCard 4.0) and .csv. With --push, first sends FILE (.csv
  or .vcf) as one batch of your conference's contacts; its report goes to DIR/push-report-*.json.
  Interrupt it at any time: the next run resumes where it stopped.

  exit codes: 0 done; 1 failed (nothing half-applied); 2 done, but rows of the pushed file were rejected`;

/** A progress bar on a terminal; in logs (cron), a line every 10% of a pull of 1,000 changes or more. */
function progress(): PullProgress {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: "{feed} [{bar}] {value}/{total} changes", stream: process.stderr, hideCursor: true });
    return { start: (feed, total) => bar.start(Math.max(total, 1), 0, { feed }), advance: (n) => bar.increment(n), stop: () => bar.stop() };
  }
  let label = "";
  let total = 0;
  let done = 0;
  let shown = 0;
  return {
    start: (feed, t) => ((label = feed), (total = t), (done = 0), (shown = 0)),
    advance: (n) => {
      done += n;
      const decile = total ? Math.floor((done / total) * 10) : 10;
      if (total >= 1000 && decile > shown) {
        shown = decile;
        console.error(`${label}: ${done}/${total} changes`);
      }
    },
    stop: () => undefined,
  };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { gateway: { type: "string" }, key: { type: "string" }, out: { type: "string" }, push: { type: "string" }, mode: { type: "string" }, "batch-id": { type: "string" }, "page-size": { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const key = values.key ?? process.env.ENLACE_KEY;
  const missing = [!values.gateway && "--gateway", !key && "--key (or ENLACE_KEY)", !values.out && "--out"].filter(Boolean);
  if (missing.length) {
    console.error(`missing ${missing.join(", ")}\n\n${USAGE}`);
    return 1;
  }
  const mode = (values.mode ?? "INCREMENTAL").toUpperCase();
  if (mode !== "FULL" && mode !== "INCREMENTAL") {
    console.error(`--mode must be FULL or INCREMENTAL, got "${values.mode}"`);
    return 1;
  }
  const pageSize = Number(values["page-size"] ?? 500);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    console.error(`--page-size must be an integer from 1 to 1000, got "${values["page-size"]}"`);
    return 1;
  }
  const result = await runSync({ gateway: values.gateway!, key: key!, out: values.out!, push: values.push, mode, batchId: values["batch-id"], pageSize, progress: progress(), log: (line) => console.log(line) });
  return result.push && result.push.counts.rejected > 0 ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`sync failed: ${error instanceof GatewayError ? `${error.message}${error.code ? ` (${error.code})` : ""}` : error instanceof Error ? error.message : String(error)}`);
    console.error("Nothing was half-applied: run the same command again to resume.");
    process.exitCode = 1;
  },
);
