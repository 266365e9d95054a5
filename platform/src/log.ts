/**
 * One JSON line per event on stdout, so that logs of the gateway and subgraphs can be
 * joined by `requestId`. LOG_LEVEL=silent turns it off (tests), debug adds detail.
 */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;

function threshold(): number {
  const configured = (process.env.LOG_LEVEL ?? "info") as keyof typeof LEVELS;
  return LEVELS[configured] ?? LEVELS.info;
}

export function log(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  if (LEVELS[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}
