import { LessThanOrEqual, type DataSource } from "typeorm";
import { VersionConflictError } from "../../../platform/src/errors";
import { Role, type Identity } from "../../../platform/src/identity";
import { log } from "../../../platform/src/log";
import { FocalPointStatus } from "./entities/enums";
import { FocalPoint } from "./entities/focal-point.entity";
import { writeFocalPoint } from "./write";

/** Who ends lapsed terms in the history: the secretariat's rules, applied by Enlace itself. */
const HOUSEKEEPING: Identity = { role: Role.SECRETARIAT, keyId: "enlace:term-end" };

/**
 * Ends the terms whose last day has come (an end or a replacement set for a later date):
 * status ENDED, an event in the history, and a removal in partners' feeds, as if the
 * secretariat had ended them that day. Safe on several replicas at once: a focal point
 * another process just changed is left to it (version conflict).
 */
export async function endLapsedTerms(dataSource: DataSource, today = new Date().toISOString().slice(0, 10)): Promise<number> {
  const lapsed = await dataSource.manager.find(FocalPoint, { where: { status: FocalPointStatus.ACTIVE, termEnd: LessThanOrEqual(today) } });
  let ended = 0;
  for (const fp of lapsed) {
    try {
      await dataSource.transaction((m) => writeFocalPoint(m, HOUSEKEEPING, fp.id, fp.version, "ENDED", (f) => void (f.status = FocalPointStatus.ENDED)));
      ended++;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
  if (ended) log("info", "roster.terms_ended", { ended, today });
  return ended;
}

/** Runs endLapsedTerms now and every ROSTER_HOUSEKEEPING_MINUTES (default 60; 0: never). Returns a stop function. */
export function scheduleHousekeeping(dataSource: DataSource, env = process.env): () => void {
  const minutes = Number(env.ROSTER_HOUSEKEEPING_MINUTES ?? 60);
  if (!(minutes > 0)) return () => undefined;
  const run = () => void endLapsedTerms(dataSource).catch((error: Error) => log("error", "roster.housekeeping_failed", { message: error.message }));
  const first = setTimeout(run, 0);
  const timer = setInterval(run, minutes * 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
