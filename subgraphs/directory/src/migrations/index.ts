import { Initial1732300000000 } from "./1732300000000-initial";
import { Audit1732500000000 } from "./1732500000000-audit";

/** In order. A new migration is appended here; never edit one that has shipped. */
export const migrations = [Initial1732300000000, Audit1732500000000];
