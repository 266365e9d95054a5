import { foldText } from "../../../platform/src/text";
import type { RepresentationKind } from "./entities/enums";

const SHORT: Record<RepresentationKind, string> = {
  EMBASSY: "emb",
  CONSULATE_GENERAL: "cg",
  CONSULATE: "cons",
  VICE_CONSULATE: "vcons",
  HONORARY_CONSULATE: "hcons",
  CONSULAR_SECTION: "csec",
  OTHER: "other",
};

/** The id convention of the seed: sender-host-kind-city ("ht-mx-emb-mexico-city"), -2, -3... when taken. */
export function representationId(r: { sendingCountryCode: string; hostCountryCode: string; kind: RepresentationKind; city: string | null }, taken: (id: string) => boolean): string {
  const city =
    foldText(r.city ?? "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "nocity";
  const base = `${r.sendingCountryCode}-${r.hostCountryCode}-${SHORT[r.kind]}-${city}`.toLowerCase().slice(0, 110);
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}
