import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { focalPointCard, focalPointsCsv, partnerContactCard, partnerContactsCsv, type FocalPointData, type PartnerContactData } from "../../platform/src/contact-card/cards";
import { toVCards } from "../../platform/src/contact-card/vcard";
import type { LocalStore } from "./local-store";

/** Replaces a file in one step: a reader never sees half of it. */
function writeAtomic(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

const OUTPUT_FILES = ["crm-focal-points.vcf", "crm-focal-points.csv", "partner-contacts.vcf", "partner-contacts.csv"];

/** Writes the address book files from the local store: the whole current state, every run. */
export function writeOutputs(store: LocalStore, dir: string): string[] {
  const focalPoints = store.records<FocalPointData>("focal-points").sort((a, b) => a.country.localeCompare(b.country) || a.role.localeCompare(b.role) || a.id.localeCompare(b.id));
  const contacts = store.records<PartnerContactData>("partner-contacts").sort((a, b) => a.country.localeCompare(b.country) || a.externalId.localeCompare(b.externalId));
  const [fpVcf, fpCsv, pcVcf, pcCsv] = OUTPUT_FILES.map((f) => join(dir, f));
  writeAtomic(fpVcf, toVCards(focalPoints.map(focalPointCard)));
  writeAtomic(fpCsv, focalPointsCsv(focalPoints));
  writeAtomic(pcVcf, toVCards(contacts.map(partnerContactCard)));
  writeAtomic(pcCsv, partnerContactsCsv(contacts));
  return [fpVcf, fpCsv, pcVcf, pcCsv];
}
