import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { Role, type Identity } from "../../../platform/src/identity";
import { FocalPoint } from "./entities/focal-point.entity";
import { RosterAudit } from "./entities/roster-audit.entity";

/**
 * Per request. A PARTNER only ever loads focal points shared with its conference: the
 * filter is in the loaders, so no resolver can forget it.
 */
export function createRosterLoaders(dataSource: DataSource, identity: Identity) {
  const visible = (fp: FocalPoint) => identity.role !== Role.PARTNER || fp.sharedWith.includes(identity.conference ?? "");
  const m = dataSource.manager;
  return {
    focalPointById: new DataLoader<string, FocalPoint | null>(async (ids) => {
      const rows = new Map((await m.findBy(FocalPoint, { id: In([...ids]) })).filter(visible).map((fp) => [fp.id, fp]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    contactsByRepresentation: new DataLoader<string, FocalPoint[]>(async (ids) => {
      const rows = (await m.find(FocalPoint, { where: { representationId: In([...ids]) }, order: { termStart: "DESC" } })).filter(visible);
      return ids.map((id) => rows.filter((fp) => fp.representationId === id));
    }),
    historyByFocalPoint: new DataLoader<string, RosterAudit[]>(async (ids) => {
      const rows = await m.find(RosterAudit, { where: { entityId: In([...ids]) }, order: { id: "DESC" } });
      return ids.map((id) => rows.filter((e) => e.entityId === id));
    }),
    focalPointsByCountry: new DataLoader<string, FocalPoint[]>(async (codes) => {
      const rows = (await m.find(FocalPoint, { where: { countryCode: In([...codes]) }, order: { role: "ASC", termStart: "DESC" } })).filter(visible);
      return codes.map((code) => rows.filter((fp) => fp.countryCode === code));
    }),
  };
}

export type RosterLoaders = ReturnType<typeof createRosterLoaders>;
