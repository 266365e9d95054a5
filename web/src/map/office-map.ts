import type { PageContext } from "../components/layout";
import { renderRegionMap } from "./region-map";

/** The small locator map on an office's page: the office's point in its region, drawn offline. */
export function officeMap(
  ctx: PageContext,
  office: { coordinates?: { latitude: number; longitude: number; precision: string } | null; name: string; city?: string | null },
): { svg: string; caption: string } | null {
  if (!office.coordinates) return null;
  const { latitude, longitude, precision } = office.coordinates;
  const title = ctx.t("map.officeTitle", { name: office.name });
  return {
    svg: renderRegionMap({ points: [{ latitude, longitude, label: office.name, kind: "selected" }], title, width: 640, height: 400 }),
    caption: ctx.t(precision === "CITY" ? "map.cityPrecision" : "map.exactPrecision", { city: office.city ?? "" }),
  };
}
