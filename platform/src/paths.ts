import { existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";

/** The project's root, from sources (gateway/src) or compiled code (dist/gateway/src). */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json")) || dir.endsWith("dist")) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found above " + from);
    dir = parent;
  }
  return dir;
}

/**
 * A file the process cannot run without (reference data, a gazetteer table): its path under
 * the project's root, or an error naming it, so that a missing file stops the start instead
 * of leaving, say, the border posts silently out of the gazetteer.
 */
export function referenceFile(...parts: string[]): string {
  const file = join(projectRoot(), ...parts);
  if (!existsSync(file)) throw new Error(`missing reference file ${relative(projectRoot(), file)}: restore it from the repository (git checkout -- ${relative(projectRoot(), file)})`);
  return file;
}

export const SUPERGRAPH_PATH = join(projectRoot(), "gateway", "supergraph.graphql");
export const API_SCHEMA_PATH = join(projectRoot(), "gateway", "api-schema.graphql");
export const OPERATIONS_DIR = join(projectRoot(), "operations");
