import DataLoader from "dataloader";
import { In, IsNull, type DataSource } from "typeorm";
import type { Identity } from "../../../platform/src/identity";
import { conferenceFilter } from "./access";
import { PartnerContact } from "./entities/partner-contact.entity";

/** Per request. The partner filter is here, so no resolver can forget it. */
export function createExchangeLoaders(dataSource: DataSource, identity: Identity) {
  const conference = conferenceFilter(identity);
  const scope = conference ? { conference } : {};
  const m = dataSource.manager;
  return {
    contactById: new DataLoader<string, PartnerContact | null>(async (ids) => {
      const rows = new Map((await m.findBy(PartnerContact, { id: In([...ids]), ...scope })).map((c) => [c.id, c]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    /** Current contacts by country. */
    contactsByCountry: new DataLoader<string, PartnerContact[]>(async (codes) => {
      const rows = await m.find(PartnerContact, { where: { countryCode: In([...codes]), removedAt: IsNull(), ...scope }, order: { countryCode: "ASC", institution: "ASC", id: "ASC" } });
      return codes.map((code) => rows.filter((c) => c.countryCode === code));
    }),
    /** Current contacts on a topic (for counterparts): one query for all topics asked in the request. */
    contactsByTopic: new DataLoader<string, PartnerContact[]>(async (topics) => {
      const qb = m.createQueryBuilder(PartnerContact, "c").where("c.removed_at IS NULL").orderBy("c.country_code").addOrderBy("c.id");
      if (conference) qb.andWhere("c.conference = :conference", { conference });
      qb.andWhere(`(${topics.map((_t, i) => `c.topics LIKE :t${i}`).join(" OR ")})`, Object.fromEntries(topics.map((t, i) => [`t${i}`, `%"${t}"%`])));
      const rows = await qb.getMany();
      return topics.map((t) => rows.filter((c) => (c.topics as string[]).includes(t)));
    }),
  };
}

export type ExchangeLoaders = ReturnType<typeof createExchangeLoaders>;
