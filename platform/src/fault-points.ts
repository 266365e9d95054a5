/**
 * Named points inside write transactions, after the rows are written and before the
 * commit, where tests inject faults: a kill (the process pauses there, so a test can
 * SIGKILL it while the transaction is provably open) or a failure (an in-process hook
 * that reads through the API, then throws, rolling the transaction back). Nothing
 * happens at a point unless a test asked for it: one Map lookup and one variable read.
 */
export type FaultPoint = "directory.write" | "exchange.batch" | "import.apply";

type Hook = () => Promise<void> | void;
const hooks = new Map<FaultPoint, Hook>();

/** In-process tests: runs `hook` each time a write reaches `point` (inside its transaction). Returns the undo. */
export function onFaultPoint(point: FaultPoint, hook: Hook): () => void {
  hooks.set(point, hook);
  return () => hooks.delete(point);
}

/**
 * Called by writers inside their transaction. With ENLACE_TEST_PAUSE_AT=<point> (child
 * processes in kill tests) it prints one line naming the point and never returns: the
 * transaction stays open until the process is killed.
 */
export async function faultPoint(point: FaultPoint): Promise<void> {
  await hooks.get(point)?.();
  if (process.env.ENLACE_TEST_PAUSE_AT === point) {
    process.stdout.write(`${JSON.stringify({ event: "test.paused-in-transaction", point, pid: process.pid })}\n`);
    await new Promise<never>(() => undefined);
  }
}
