import { countryAt } from "../geo/boundaries";
import { gazetteer } from "./gazetteer";

/**
 * Loads the gazetteer and the country boundaries now rather than on the first place query,
 * which would otherwise wait for them (several seconds: a border official's first lookup
 * after a restart). Servers call it before they say they are up; tests do not, so that
 * stacks that never resolve a place do not pay for it. Returns the seconds it took.
 */
export function warmUpPlaces(): number {
  const started = process.hrtime.bigint();
  gazetteer();
  countryAt(0, 0);
  return Number(process.hrtime.bigint() - started) / 1e9;
}
