import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../platform/src/paths";
import { CATALOGS, LANGS, translator } from "../../web/src/i18n";

const root = projectRoot();

/** Every `t("key")` written in web/src: each must be in every catalog. */
function keysUsedInPages(): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) for (const match of readFileSync(path, "utf8").matchAll(/\bt\(\s*"([A-Za-z0-9_.]+)"/g)) used.add(match[1]);
    }
  };
  walk(join(root, "web", "src"));
  return used;
}

describe("message catalogs (web/src/i18n/messages)", () => {
  it("have the same keys in es, en, fr and pt, none empty", () => {
    const reference = Object.keys(CATALOGS.es).sort();
    expect(reference.length).toBeGreaterThan(50);
    for (const lang of LANGS) {
      const keys = Object.keys(CATALOGS[lang]).sort();
      expect({ lang, missing: reference.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !reference.includes(k)) }).toEqual({ lang, missing: [], extra: [] });
      for (const key of keys) expect(CATALOGS[lang][key].trim(), `${lang} ${key}`).not.toBe("");
    }
  });

  it("hold every key the pages use", () => {
    const missing = [...keysUsedInPages()].filter((k) => !(k in CATALOGS.es));
    expect(missing).toEqual([]);
  });

  it("keep the same placeholders in every language", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(CATALOGS.es)) for (const lang of LANGS) expect(placeholders(CATALOGS[lang][key]), `${lang} ${key}`).toEqual(placeholders(CATALOGS.es[key]));
  });

  it("fill placeholders with numbers written the language's way", () => {
    expect(translator("es" as never)("directory.count", { count: 1234 })).toBe("1234 oficinas".replace("1234", new Intl.NumberFormat("es").format(1234)));
    expect(translator("en" as never)("directory.count", { count: 1234 })).toBe("1,234 offices");
  });
});
