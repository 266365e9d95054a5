import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { geoPath } from "d3-geo";
import type { MultiPolygon } from "geojson";
import { describe, expect, it } from "vitest";
import { atlasParts } from "../../web/src/map/atlas";
import { escapeAttribute, escapeText, safeHref } from "../../web/src/map/escape";
import { MAP_COLOURS, renderRegionMap, type MapPoint } from "../../web/src/map/region-map";
import { CompactPath } from "../../web/src/map/svg-path";
import { fitProjection, intersects, LOCATOR_DEGREES, pointsBox } from "../../web/src/map/view";

/** Real positions from the seed data, by row id (never made up). */
function seedRows(file: string, dir = "../../seed/data"): Map<string, { latitude: number; longitude: number; name: string }> {
  const rows = parse(readFileSync(join(__dirname, dir, file), "utf8"), { columns: true }) as Record<string, string>[];
  return new Map(rows.filter((r) => r.latitude).map((r) => [r.id, { latitude: Number(r.latitude), longitude: Number(r.longitude), name: r.name ?? r.city }]));
}
const offices = seedRows("representations.csv");
const places = seedRows("border-places.csv", "../../subgraphs/directory/data");
function office(id: string, extra: Partial<MapPoint> = {}): MapPoint {
  const row = offices.get(id);
  if (!row) throw new Error(`no seed office ${id}`);
  return { latitude: row.latitude, longitude: row.longitude, label: id, kind: "office", ...extra };
}
function place(id: string, extra: Partial<MapPoint> = {}): MapPoint {
  const row = places.get(id);
  if (!row) throw new Error(`no seed place ${id}`);
  return { latitude: row.latitude, longitude: row.longitude, label: row.name, kind: "place", ...extra };
}

/** A small XML well-formedness check: tags balance, attributes are quoted, no raw `<` or stray `&` in text. */
function checkXml(svg: string): string[] {
  const stack: string[] = [];
  const errors: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < svg.length) {
    if (svg[i] === "<") {
      tag.lastIndex = i;
      const m = tag.exec(svg);
      if (!m) return [...errors, `bad tag at ${i}: ${svg.slice(i, i + 40)}`];
      if (m[1]) {
        if (stack.pop() !== m[2]) errors.push(`unbalanced </${m[2]}> at ${i}`);
      } else if (!m[4]) stack.push(m[2]);
      i = tag.lastIndex;
    } else {
      const end = svg.indexOf("<", i);
      const text = svg.slice(i, end === -1 ? svg.length : end);
      if (/&(?!(amp|lt|gt|quot|#39);)/.test(text)) errors.push(`raw & in text at ${i}`);
      i = end === -1 ? svg.length : end;
    }
  }
  if (stack.length > 0) errors.push(`unclosed ${stack.join(",")}`);
  return errors;
}

function circles(svg: string): { cx: number; cy: number; r: number; title: string }[] {
  return [...svg.matchAll(/<circle [^>]*cx="([-\d.]+)" cy="([-\d.]+)" r="([\d.]+)"[^>]*><title>([^<]*)<\/title><\/circle>/g)].map((m) => ({
    cx: Number(m[1]),
    cy: Number(m[2]),
    r: Number(m[3]),
    title: m[4],
  }));
}

function landPath(svg: string): string {
  return /<path class="region-map-land" d="([^"]*)"/.exec(svg)?.[1] ?? "";
}

/** Absolute rings, in tenths, from path data of m/l/z (relative) or M/L/Z (absolute) commands, repeated points dropped. */
function rings(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  let ring: [number, number][] = [];
  let pen: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  let command = "";
  let pending: number | undefined;
  for (const token of d.match(/[mlzMLZ]|-?(?:\d+\.?\d*|\.\d+)/g) ?? []) {
    if (/[a-zA-Z]/.test(token)) {
      command = token;
      if (command === "z" || command === "Z") {
        out.push(ring);
        ring = [];
        pen = start;
      }
      continue;
    }
    const value = Math.round(Number(token) * 10);
    if (pending === undefined) {
      pending = value;
      continue;
    }
    const relative = command === "m" || command === "l";
    const point: [number, number] = relative ? [pen[0] + pending, pen[1] + value] : [pending, value];
    pending = undefined;
    if (command === "m" || command === "M") {
      start = point;
      ring = [point];
      command = command === "m" ? "l" : "L";
    } else if (point[0] !== pen[0] || point[1] !== pen[1]) ring.push(point);
    pen = point;
  }
  return out.filter((r) => r.length >= 3);
}

/** WCAG relative luminance and contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe("escape", () => {
  it("escapes text and attribute values", () => {
    expect(escapeText(`a < b & c > "d" 'e'`)).toBe("a &lt; b &amp; c &gt; &quot;d&quot; &#39;e&#39;");
    expect(escapeAttribute(`x" onload="alert(1)`)).toBe("x&quot; onload=&quot;alert(1)");
    expect(escapeText("&amp;")).toBe("&amp;amp;");
  });

  it("keeps page, web, mail and phone links and refuses scripts and data", () => {
    expect(safeHref("/es/oficina/ae-cr-emb-san-jose?x=1&y=2")).toBe("/es/oficina/ae-cr-emb-san-jose?x=1&y=2");
    expect(safeHref("https://example.org/a")).toBe("https://example.org/a");
    expect(safeHref("tel:+50622892226")).toBe("tel:+50622892226");
    expect(safeHref("mailto:a@example.org")).toBe("mailto:a@example.org");
    for (const bad of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "\u0001javascript:x", "data:text/html,<b>", "vbscript:x", "", "  "]) {
      expect(safeHref(bad), bad).toBeUndefined();
    }
    expect(safeHref(undefined)).toBeUndefined();
  });
});

describe("renderRegionMap", () => {
  const sanJose = office("ae-cr-emb-san-jose");
  const pasoCanoas = place("cr-paso-canoas");

  it("is well-formed SVG with a title, a name and one circle per point", () => {
    const points = [sanJose, office("au-cr-cons-san-jose"), pasoCanoas];
    const svg = renderRegionMap({ points, title: "Costa Rica" });
    expect(checkXml(svg)).toEqual([]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 640 400" preserveAspectRatio="xMidYMid meet" role="img" /);
    const titleId = /aria-labelledby="([^"]+)"/.exec(svg)?.[1];
    expect(svg).toContain(`<title id="${titleId}">Costa Rica</title>`);
    expect(circles(svg).map((c) => c.title)).toEqual(["ae-cr-emb-san-jose", "au-cr-cons-san-jose", "Paso Canoas"]);
    expect(svg.match(/<circle /g)).toHaveLength(3);
  });

  it("draws the land of a Costa Rica map", () => {
    const svg = renderRegionMap({ points: [pasoCanoas], title: "Paso Canoas" });
    const d = landPath(svg);
    expect(d).toMatch(/^[mlz\d.,-]+$/);
    // Costa Rica, Panama, Nicaragua and Colombia each bring rings of many points.
    expect(rings(d).length).toBeGreaterThan(5);
    expect(d.length).toBeGreaterThan(1000);
  });

  it("gives one point a locator view of about ±4 degrees around it", () => {
    const box = pointsBox([pasoCanoas]);
    expect(box.north - box.south).toBeCloseTo(2 * LOCATOR_DEGREES);
    expect(box.east - box.west).toBeCloseTo(2 * LOCATOR_DEGREES);
    const svg = renderRegionMap({ points: [pasoCanoas], title: "Paso Canoas", width: 400, height: 400 });
    const [c] = circles(svg);
    // Centred; Mercator stretches the north half a little more, so y is a unit off.
    expect(Math.abs(c.cx - 200)).toBeLessThan(2);
    expect(Math.abs(c.cy - 200)).toBeLessThan(2);
    // A wider map shows more longitude, never less latitude.
    const { visible } = fitProjection(pointsBox([pasoCanoas]), 640, 400);
    expect(visible.north - visible.south).toBeCloseTo(8, 1);
    expect(visible.east - visible.west).toBeGreaterThan(8);
  });

  it("fits points across the region, Ottawa and Washington to Panama, inside the map", () => {
    const points = [
      office("ae-ca-emb-ottawa"),
      office("af-us-emb-washington-d-c", { href: "/es/oficina/af-us-emb-washington-d-c" }),
      office("ar-pa-emb-panama-city", { kind: "selected" }),
      place("gt-tecun-uman"),
      pasoCanoas,
    ];
    for (const [width, height] of [
      [640, 400],
      [360, 480],
      [1280, 600],
    ]) {
      const svg = renderRegionMap({ points, title: "Region", width, height });
      const drawn = circles(svg);
      expect(drawn).toHaveLength(points.length);
      for (const c of drawn) {
        expect(c.cx - c.r, c.title).toBeGreaterThanOrEqual(0);
        expect(c.cx + c.r, c.title).toBeLessThanOrEqual(width);
        expect(c.cy - c.r, c.title).toBeGreaterThanOrEqual(0);
        expect(c.cy + c.r, c.title).toBeLessThanOrEqual(height);
      }
      // Offices below, the place above them, the selected office on top.
      expect(drawn.map((c) => c.title)).toEqual(["ae-ca-emb-ottawa", "af-us-emb-washington-d-c", "Tecún Umán", "Paso Canoas", "ar-pa-emb-panama-city"]);
    }
  });

  it("takes the short way across the antimeridian", () => {
    const points: MapPoint[] = [
      { latitude: 60, longitude: 179, label: "A", kind: "office" },
      { latitude: 62, longitude: -178, label: "B", kind: "place" },
    ];
    const box = pointsBox(points);
    expect(box.east - box.west).toBeLessThan(20);
    expect(box.west).toBeLessThan(179);
    expect(box.east).toBeGreaterThan(182);
    const { visible } = fitProjection(box, 640, 400);
    // Parts on both sides of the line are drawn: Chukotka's box ends at 180, Alaska's starts at -180.
    expect(intersects([170, 60, 180, 70], visible)).toBe(true);
    expect(intersects([-180, 50, -170, 70], visible)).toBe(true);
    expect(intersects([-100, 50, -90, 70], visible)).toBe(false);
    const drawn = circles(renderRegionMap({ points, title: "Bering" }));
    expect(drawn.every((c) => c.cx > 0 && c.cx < 640)).toBe(true);
    expect(Math.abs(drawn[0].cx - drawn[1].cx)).toBeLessThan(320);
  });

  it("escapes labels, titles and links, and drops unsafe links", () => {
    const label = `<script>alert("x")</script> & 'Tom'`;
    const svg = renderRegionMap({
      points: [
        { ...sanJose, label, href: `/o?a=1&b="2"` },
        { ...pasoCanoas, label: "P", href: "javascript:alert(1)" },
      ],
      title: `Map <&> "t"`,
    });
    expect(checkXml(svg)).toEqual([]);
    expect(svg).not.toContain("<script");
    expect(svg).toContain("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Tom&#39;</title>");
    expect(svg).toContain(`>Map &lt;&amp;&gt; &quot;t&quot;</title>`);
    expect(svg).toContain(`<a href="/o?a=1&amp;b=&quot;2&quot;">`);
    expect(svg).not.toContain("javascript:");
    expect(svg.match(/<a /g)).toHaveLength(1);
    // Links inside role="img" would be hidden and are an axe error: a map with links is a group.
    expect(svg).toMatch(/role="group"/);
  });

  it("needs no inline style, script, font or other host", () => {
    const svg = renderRegionMap({ points: [sanJose, pasoCanoas], title: "t" });
    expect(svg).not.toMatch(/style=|<style|<script|<text|font|url\(|xlink/);
    expect(svg.match(/https?:\/\/[^"]*/g)).toEqual(["http://www.w3.org/2000/svg"]);
  });

  it("keeps maps small", () => {
    const locator = renderRegionMap({ points: [pasoCanoas], title: "Paso Canoas" });
    const region = renderRegionMap({ points: [office("ae-ca-emb-ottawa"), office("af-us-emb-washington-d-c"), pasoCanoas], title: "Region" });
    const tecun = renderRegionMap({ points: [place("gt-tecun-uman")], title: "Tecún Umán", width: 1280, height: 800 });
    for (const svg of [locator, region, tecun]) expect(Buffer.byteLength(svg)).toBeLessThan(25_000);
  });

  it("gives the same bytes for the same map", () => {
    const a = renderRegionMap({ points: [pasoCanoas], title: "x" });
    expect(renderRegionMap({ points: [pasoCanoas], title: "x" })).toBe(a);
    expect(renderRegionMap({ points: [pasoCanoas], title: "y" })).not.toBe(a);
    expect(renderRegionMap({ points: [pasoCanoas], title: "x", id: "office-map" })).toContain('aria-labelledby="office-map-title"');
  });

  it("draws an empty region map when no point has a position", () => {
    const svg = renderRegionMap({ points: [{ latitude: Number.NaN, longitude: 0, label: "?", kind: "office" }], title: "t" });
    expect(checkXml(svg)).toEqual([]);
    expect(svg).not.toContain("<circle");
    expect(landPath(svg).length).toBeGreaterThan(1000);
  });

  it("uses colours with enough contrast", () => {
    for (const point of [MAP_COLOURS.office, MAP_COLOURS.place, MAP_COLOURS.selected]) {
      expect(contrast(point, MAP_COLOURS.land), point).toBeGreaterThanOrEqual(4.5);
      expect(contrast(point, MAP_COLOURS.sea), point).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(MAP_COLOURS.border, MAP_COLOURS.land)).toBeGreaterThanOrEqual(3);
    expect(contrast(MAP_COLOURS.selectedOutline, MAP_COLOURS.land)).toBeGreaterThanOrEqual(3);
  });
});

describe("CompactPath", () => {
  it("writes the same points as d3's absolute path rounded to a tenth", () => {
    const box = pointsBox([place("cr-paso-canoas"), place("gt-tecun-uman")]);
    const { projection, visible } = fitProjection(box, 640, 400);
    const land: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: atlasParts("50m")
        .filter((p) => intersects(p.box, visible))
        .map((p) => p.polygon.coordinates),
    };
    const compact = new CompactPath();
    geoPath(projection, compact)(land);
    const absolute = geoPath(projection).digits(1)(land) ?? "";
    expect(rings(compact.result())).toEqual(rings(absolute));
    expect(compact.result().length).toBeLessThan(absolute.length * 0.7);
  });
});
