import { join } from "node:path";
import { projectRoot } from "../../platform/src/paths";

/** seed/data under the project's root (platform/src/paths.ts finds it from sources or dist/ alike). */
export const SEED_DATA_DIR = join(projectRoot(), "seed", "data");
