import type { PageContext } from "../components/layout";

/** Placeholder until web/src/map/ lands: replaced by the offline SVG map. */
export function officeMap(_ctx: PageContext, _office: { coordinates?: { latitude: number; longitude: number; precision: string } | null; name: string }): { svg: string; caption: string } | null {
  return null;
}
