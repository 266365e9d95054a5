import { log } from "./log";

/**
 * Stops a server process cleanly on Ctrl-C or SIGTERM: runs `stop` once, then lets the
 * process end by itself. A guard exits after 10 s if a connection keeps it alive.
 */
export function stopOnSignals(stop: () => Promise<void>, onStopped: () => void = () => log("info", "process.stopped")): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log("info", "process.stopping", { signal });
    setTimeout(() => {
      log("error", "process.stop_timeout", { seconds: 10 });
      process.exit(1);
    }, 10_000).unref();
    stop().then(onStopped, (error) => {
      log("error", "process.stop_failed", { message: error instanceof Error ? error.message : String(error) });
      process.exitCode = 1;
    });
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}

/** Runs an entry point; a failure to start is one clear line and exit code 1. */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(`${name} could not start: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.LOG_LEVEL === "debug") console.error(error);
    process.exitCode = 1;
  });
}
