import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

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

export const SUPERGRAPH_PATH = join(projectRoot(), "gateway", "supergraph.graphql");
export const API_SCHEMA_PATH = join(projectRoot(), "gateway", "api-schema.graphql");
export const OPERATIONS_DIR = join(projectRoot(), "operations");
