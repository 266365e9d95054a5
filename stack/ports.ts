import { createServer } from "node:net";

export interface PortClaim {
  /** Who will listen there ("the gateway", "the directory subgraph"). */
  who: string;
  /** The variable that sets it. */
  variable: string;
  port: number;
}

const REASONS: Record<string, string> = {
  EADDRINUSE: "is in use by another process",
  EACCES: "may not be opened by this user",
  EADDRNOTAVAIL: "is not on an address of this machine",
};

/** Listens on host:port for an instant: the reason it cannot, or null when it is free. */
function tryPort(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(REASONS[error.code ?? ""] ?? error.message));
    server.listen(port, host, () => server.close(() => resolve(null)));
  });
}

/**
 * Checks every fixed port before anything is created or seeded, so that a busy port
 * costs a second and one line naming it, not a seed and then a crash. Port 0 (any free
 * port) needs no check. A port can still be taken between this check and the listen;
 * that rare case fails at the listen, as before.
 */
export async function assertPortsFree(host: string, claims: PortClaim[]): Promise<void> {
  const fixed = claims.filter((c) => c.port !== 0);
  for (const [i, claim] of fixed.entries()) {
    const twice = fixed.slice(0, i).find((c) => c.port === claim.port);
    if (twice) throw new Error(`${twice.variable} and ${claim.variable} are both ${claim.port}: give ${claim.who} another port`);
  }
  for (const claim of fixed) {
    const reason = await tryPort(host, claim.port);
    if (reason) throw new Error(`port ${claim.port} on ${host} (${claim.who}, ${claim.variable}) ${reason}: stop what uses it, or set ${claim.variable} to another port (0 = any free port)`);
  }
}
