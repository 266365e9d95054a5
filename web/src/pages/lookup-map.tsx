import type { PageContext } from "../components/layout";
import { renderRegionMap, type MapPoint } from "../map/region-map";
import { officeHref } from "./lookup-query";
import type { Nearest } from "./lookup-query";

/** The region around the place: the place as a "place" point, each office listed as an "office" point linked to its page. */
export function LookupMap(props: { ctx: PageContext; result: Nearest }) {
  const { ctx, result } = props;
  const place = { ...result.place, name: result.place.name.replace(/ \(near (.+)\)$/, (_whole, town: string) => ` (${ctx.t("lookup.nearTown", { town })})`) };
  const seen = new Set<string>();
  const points: MapPoint[] = [{ latitude: place.latitude, longitude: place.longitude, label: place.name, kind: "place" }];
  for (const group of result.byNationality)
    for (const r of group.results) {
      const office = r.representation;
      if (!office.coordinates || seen.has(office.id)) continue;
      seen.add(office.id);
      points.push({ ...office.coordinates, label: `${office.name}, ${office.city ?? office.hostCountry.name}`, kind: "office", href: officeHref(ctx, office.id) });
    }
  const svg = renderRegionMap({ points, title: ctx.t("lookup.mapTitle", { place: place.name }), width: 640, height: 400 });
  return (
    <section aria-labelledby="map-heading" class="map">
      <h2 id="map-heading">{ctx.t("lookup.map")}</h2>
      <figure>
        <div class="map-frame" dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption>{ctx.t("lookup.mapCaption")}</figcaption>
      </figure>
    </section>
  );
}
