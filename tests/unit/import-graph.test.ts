import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../platform/src/paths";

const root = projectRoot();

/** Every TypeScript file of the house but the tests and generated code's own folder. */
function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(join(root, dir))) {
    const path = join(dir, entry);
    if (entry === "node_modules" || entry === "dist") continue;
    if (statSync(join(root, path)).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(entry) && !entry.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const SPECIFIER = /(?:from\s+|import\s*\(\s*|import\s+)["'](\.\.?\/[^"']+)["']/g;
function resolve(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier.replace(/\.js$/, ""));
  return [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((p) => existsSync(join(root, p)) && statSync(join(root, p)).isFile());
}

/** The part a file belongs to: platform, subgraphs/kit, subgraphs/<name>, subgraphs/index, gateway, web, client, seed, stack, operations. */
function part(path: string): string {
  const [top, second] = path.split(/[\\/]/);
  if (top !== "subgraphs") return top;
  return second === "index.ts" ? "subgraphs/index" : `subgraphs/${second}`;
}

/**
 * The rule of layers (issue 22; docs/architecture.md): platform ← subgraphs/kit ←
 * subgraphs/* ← subgraphs/index ← seed; platform ← gateway, web, client; stack on top.
 * A subgraph imports no other; the gateway and the pages never import each other.
 */
function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  switch (from) {
    case "platform":
    case "operations":
      return false;
    case "subgraphs/kit":
      return to === "platform";
    case "gateway":
      return to === "platform";
    case "web":
    case "client":
      return to === "platform" || to === "operations";
    case "subgraphs/index":
      return to === "platform" || to.startsWith("subgraphs/");
    case "seed":
      return to === "platform" || to.startsWith("subgraphs/");
    case "stack":
      return to !== "tests";
    default:
      // A subgraph: the platform and the kit.
      return from.startsWith("subgraphs/") && (to === "platform" || to === "subgraphs/kit");
  }
}

const PARTS = ["platform", "subgraphs", "gateway", "web", "client", "seed", "stack"];
const files = PARTS.flatMap((dir) => sources(dir));
const edges = files.flatMap((file) =>
  [...readFileSync(join(root, file), "utf8").matchAll(SPECIFIER)].flatMap((m) => {
    const target = resolve(file, m[1]);
    return target ? [[file, target] as const] : [];
  }),
);

describe("the import graph (issue 22)", () => {
  it("reads the house's imports", () => {
    expect(files.length).toBeGreaterThan(300);
    expect(edges.length).toBeGreaterThan(1000);
  });

  it("has no arrow from a lower layer to a higher one", () => {
    const wrong = edges.filter(([a, b]) => !allowed(part(a), part(b))).map(([a, b]) => `${relative(root, join(root, a))} → ${b}`);
    expect(wrong).toEqual([]);
  });

  it("has no circle", () => {
    const next = new Map<string, string[]>();
    for (const [a, b] of edges) next.set(a, [...(next.get(a) ?? []), b]);
    // Tarjan's strongly connected components: any with two files or more is a circle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    let counter = 0;
    const visit = (v: string) => {
      index.set(v, counter);
      low.set(v, counter++);
      stack.push(v);
      onStack.add(v);
      for (const w of next.get(v) ?? []) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop() as string;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1) circles.push(component.sort());
      }
    };
    for (const file of files) if (!index.has(file)) visit(file);
    expect(circles).toEqual([]);
  });

  it("the sync client imports only the platform and the operations", () => {
    const outside = edges.filter(([a, b]) => part(a) === "client" && !["client", "platform", "operations"].includes(part(b)));
    expect(outside).toEqual([]);
  });
});
