import { SingleBar } from "cli-progress";
import { choiceOption, ExitCode, integerOption, KEY_HELP, KEY_OPTIONS, readKey, requireOptions, runCommand, UsageError } from "../../platform/src/cli";
import type { PullProgress } from "./pull";
import { runSync } from "./sync";

const USAGE = `usage: ENLACE_KEY=… npm run sync -- --gateway URL --out DIR [options]

  Pulls the CRM focal points and the partner contacts your key may see, as changes since
  the last run (the token is kept in DIR/enlace-sync.sqlite), and writes DIR/crm-focal-points
  and DIR/partner-contacts as .vcf (vCard 4.0) and .csv. With --push, first sends FILE as
  one batch of your conference's contacts; its report goes to DIR/push-report-<batch>.json.
  Interrupt it at any time: the next run resumes where it stopped, and a push whose answer
  never came is resumed under its batch id, so it is applied once.

options:
  --gateway URL           the gateway's /graphql address (required)
  --out DIR               the folder for the files and the local store (required; created)
  --key-file FILE         read the API key from FILE's first line (or set ENLACE_KEY)
  --key KEY               the key itself: works, with a warning (it shows in ps and logs)
  --push FILE             push FILE: .csv/.tsv (UTF-8, UTF-16 with a byte order mark or
                          Windows-1252; separated by , ; or tab) or .vcf (UTF-8)
  --mode FULL|INCREMENTAL FULL: FILE is your whole list, contacts missing from it are
                          removed; INCREMENTAL (default): creates and updates only
  --dry-run               with --push: print what the push would do, write nothing, pull nothing
  --allow-removals N      with --mode FULL: accept up to N removals (without it, a FULL push
                          that would remove more than 20% of your contacts is refused)
  --batch-id ID           send the push under this id (default: a new id per push)
  --page-size N           changes per page, 1 to 1000 (default 500)
  -h, --help              this text

${KEY_HELP}

exit codes:
  0  done
  1  transient failure (network, timeout, server restarting): nothing was half-applied;
     running the same command again later helps
  2  permanent failure (bad arguments, refused key, unreadable file, refused push): fix the
     cause first; running it again fails the same way
  3  done, but rows of the pushed file were rejected (see the report)`;

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

const OPTIONS = {
  gateway: { type: "string" },
  out: { type: "string" },
  push: { type: "string" },
  mode: { type: "string" },
  "dry-run": { type: "boolean" },
  "allow-removals": { type: "string" },
  "batch-id": { type: "string" },
  "page-size": { type: "string" },
  ...KEY_OPTIONS,
} as const;

function gatewayUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--gateway must be an http(s) address such as https://enlace.example/graphql, got "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--gateway must be an http(s) address, got "${raw}"`);
  return url.toString();
}

void runCommand({
  name: "sync",
  usage: USAGE,
  config: { options: OPTIONS },
  run: async ({ values }) => {
    requireOptions(values, ["gateway", "out"]);
    const gateway = gatewayUrl(values.gateway!);
    const mode = choiceOption("mode", values.mode, ["FULL", "INCREMENTAL"] as const, "INCREMENTAL");
    const pageSize = integerOption("page-size", values["page-size"], 1, 1000, 500);
    const allowRemovals = values["allow-removals"] === undefined ? undefined : integerOption("allow-removals", values["allow-removals"], 0, 1_000_000, 0);
    if (!values.push && (values["dry-run"] || values.mode || allowRemovals !== undefined || values["batch-id"]))
      throw new UsageError("--mode, --dry-run, --allow-removals and --batch-id go with --push FILE");
    if (allowRemovals !== undefined && mode !== "FULL") throw new UsageError("--allow-removals goes with --mode FULL (an INCREMENTAL push removes nothing)");
    const key = readKey(values);
    if (!key) throw new UsageError("no API key: set ENLACE_KEY, or give --key-file FILE");
    const result = await runSync({
      gateway,
      key,
      out: values.out!,
      push: values.push,
      mode,
      batchId: values["batch-id"],
      dryRun: values["dry-run"],
      allowRemovals,
      pageSize,
      progress: progress(),
      log: (line) => console.log(line),
    });
    return result.push && result.push.counts.rejected > 0 ? ExitCode.Rejected : ExitCode.Done;
  },
});
