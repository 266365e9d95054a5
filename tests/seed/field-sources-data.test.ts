import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import countries from "i18n-iso-countries";
import { attachSourceTable, refuseUnsourced } from "../../seed/src/directory/field-source-rows";
import { parseRepresentationRows } from "../../seed/src/directory/representation-rows";
import { SourcedField } from "../../subgraphs/directory/src/entities/enums";

const DATA = join(__dirname, "../../seed/data");
const csv = (file: string) => parse(readFileSync(join(DATA, file), "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
const KNOWN = new Set(Object.keys(countries.getAlpha2Codes()));

describe("seed/data: the rows and their sources agree", () => {
  const parsed = parseRepresentationRows(readFileSync(join(DATA, "representations.csv"), "utf8"), KNOWN);
  const joined = attachSourceTable(parsed.rows, join(DATA, "field-sources.csv"));
  const lines = new Map(parsed.rows.map((r, i) => [r.id, i + 2]));
  const checked = refuseUnsourced(joined.rows, (r) => lines.get(r.id) ?? 0);

  it("every row is read", () => {
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows.length).toBeGreaterThan(850);
  });

  it("every phone, e-mail, address, website, hours, status, caveat and confirmed procedure has a source; no source is an orphan", () => {
    expect(checked.refused).toEqual([]);
    expect(joined.orphans).toEqual([]);
  });

  it("every source has a URL, a reading date and an excerpt", () => {
    const sources = csv("field-sources.csv");
    expect(sources.length).toBeGreaterThan(1000);
    for (const s of sources) {
      expect(s.url, `${s.representation_id} ${s.field}`).toMatch(/^https?:\/\//);
      expect(s.seen_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s.excerpt.trim().length, `${s.representation_id} ${s.field} ${s.value}`).toBeGreaterThan(0);
    }
  });

  it("an office added from a page has the page that says it exists", () => {
    const existence = new Set(
      csv("field-sources.csv")
        .filter((s) => s.field === SourcedField.EXISTENCE)
        .map((s) => s.representation_id),
    );
    const fromPages = parsed.rows.filter((r) => !r.sourceUrls[0].includes("database-of-embassies") && r.sourceDate !== null && r.sourceDate >= "2023");
    expect(existence.size).toBeGreaterThan(80);
    // Cuba's embassies in the Dominican Republic, Guatemala, El Salvador and Nicaragua (issue 18).
    for (const id of ["cu-do-emb-santo-domingo", "cu-gt-emb-guatemala-city", "cu-sv-emb-san-salvador", "cu-ni-emb-managua"]) expect(existence.has(id), id).toBe(true);
    expect(fromPages.length).toBeGreaterThan(0);
  });

  it("lists what no source states (seed/data/not-found.csv), each office with what is missing", () => {
    const missing = csv("not-found.csv");
    expect(missing.length).toBeGreaterThan(100);
    for (const m of missing) {
      expect(m.office_id).toMatch(/^[a-z]{2}-[a-z]{2}-/);
      expect(m.what.length).toBeGreaterThan(0);
    }
  });
});
