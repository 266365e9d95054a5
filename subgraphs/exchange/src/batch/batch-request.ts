import type { BatchMode, PartnerContactInput } from "./batch.types";

export interface BatchRequest {
  conference: string;
  /** For the audit trail: the API key's id. */
  actor: string;
  batchId: string;
  mode: BatchMode;
  contacts: PartnerContactInput[];
  /** INCREMENTAL: externalIds to remove. */
  remove?: string[];
  /** Report what the batch would do, write nothing (the batchId stays unused). */
  dryRun?: boolean;
  /** FULL: the number of removals the caller accepts, beyond the share allowed unasked. */
  allowRemovals?: number | null;
}
