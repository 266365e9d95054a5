import { join } from "node:path";

/** seed/data, wherever the code runs from (sources under seed/src, or compiled under dist/seed/src). */
export const SEED_DATA_DIR = join(__dirname, __dirname.includes(`${"dist"}`) ? "../../../seed/data" : "../data");
