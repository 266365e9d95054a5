import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { Role, type Identity } from "../../shared/src/identity";
import { FocalPoint } from "./entities/focal-point.entity";

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
    focalPointsByCountry: new DataLoader<string, FocalPoint[]>(async (codes) => {
      const rows = (await m.find(FocalPoint, { where: { countryCode: In([...codes]) }, order: { role: "ASC", termStart: "DESC" } })).filter(visible);
      return codes.map((code) => rows.filter((fp) => fp.countryCode === code));
    }),
  };
}

export type RosterLoaders = ReturnType<typeof createRosterLoaders>;
