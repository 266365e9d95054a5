import type { RepresentationSeedRow } from "../directory/representation-rows";

/** A row of an export, in Enlace's terms, before it is matched to the directory. */
export interface ImportRow extends Omit<RepresentationSeedRow, "id" | "sourceDate"> {
  line: number;
  /** Enlace's id when the export carries it (Enlace's own format); else matched by key. */
  id: string | null;
  /** A stable identity in the source, e.g. the Wikidata item; kept in the provenance. */
  externalUrl: string | null;
}
