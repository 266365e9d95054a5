import { Initial1732300000000 } from "./1732300000000-initial";

/** In order. A new migration is appended here; never edit one that has shipped. */
export const migrations = [Initial1732300000000];
