import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../platform/src/paths";

const root = projectRoot();
const DOCS = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens (github-slugger). */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, "")
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");

function anchors(file: string): Set<string> {
  const text = readFileSync(join(root, file), "utf8").replace(/```[\s\S]*?```/g, "");
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of text.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

/** Every link of the README and docs/ that points into the project: to a file that exists and, with #, to a heading it has. */
function brokenLinks(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8").replace(/```[\s\S]*?```/g, "");
  const broken: string[] = [];
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1];
    if (/^(https?:|mailto:)/.test(target)) continue;
    const [path, anchor] = target.split("#");
    const resolved = path ? relative(root, join(root, dirname(file), decodeURIComponent(path))) : file;
    if (!existsSync(join(root, resolved))) {
      broken.push(`${file}: ${target} (no ${resolved})`);
      continue;
    }
    if (anchor && resolved.endsWith(".md") && statSync(join(root, resolved)).isFile() && !anchors(resolved).has(anchor)) broken.push(`${file}: ${target} (no heading #${anchor} in ${resolved})`);
  }
  return broken;
}

describe("the README and docs/ (issue 22)", () => {
  it("keeps the README short enough to read in five minutes", () => {
    expect(readFileSync(join(root, "README.md"), "utf8").split("\n").length).toBeLessThanOrEqual(250);
  });

  it("has docs/architecture.md with the map", () => {
    expect(readFileSync(join(root, "docs/architecture.md"), "utf8")).toMatch(/platform ← subgraphs\/kit/);
  });

  it.each(DOCS)("every link of %s resolves", (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });
});
