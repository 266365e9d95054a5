import type { FieldChanges, HeldBack, ImportDiff } from "./diff";
export type { HeldBack };

/** Where a field's current value comes from and when: its newest dated source, and the last edit through the API. */
export interface FieldHistory {
  /** The newest date a source of the current value gives (field_source.published, else the office's source date). */
  sourceDate: string | null;
  /** The last write through the API (an edit or an accepted correction) that changed the field: when, and what. */
  editedAt: string | null;
  editAction: string | null;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

/**
 * Holds back, per office and field, what an import must not do: replace a value whose
 * source is newer than the export (never), or one the secretariat edited or a correction
 * changed after the export's date (unless `overwriteEdits`). The changes held
 * back leave the diff's `changed` (an office with nothing left moves to `unchanged`) and
 * are listed in `heldBack`, so a dry run shows them. An export of unknown date (a dry run
 * without --date) holds nothing back: --apply needs the date, and then it is checked.
 */
export function holdBackOlder(diff: ImportDiff, exportDate: string | null, history: (id: string, field: string) => FieldHistory, overwriteEdits: boolean): HeldBack[] {
  const held: HeldBack[] = [];
  if (exportDate === null) return held;
  diff.changed = diff.changed.filter((change) => {
    const kept: FieldChanges = {};
    for (const [field, [from, to]] of Object.entries(change.changes)) {
      const h = history(change.id, field);
      const edited = day(h.editedAt);
      if (h.sourceDate !== null && h.sourceDate > exportDate && !(edited !== null && h.sourceDate === edited && overwriteEdits)) {
        const byEdit = edited !== null && h.sourceDate === edited;
        held.push({ id: change.id, field, kept: from, offered: to, reason: byEdit ? "EDITED_SINCE" : "NEWER_SOURCE", since: h.sourceDate });
        continue;
      }
      if (edited !== null && edited > exportDate && !overwriteEdits) {
        held.push({ id: change.id, field, kept: from, offered: to, reason: "EDITED_SINCE", since: edited });
        continue;
      }
      kept[field] = [from, to];
    }
    change.changes = kept;
    if (Object.keys(kept).length) return true;
    diff.unchanged.push(change.id);
    return false;
  });
  return held;
}
