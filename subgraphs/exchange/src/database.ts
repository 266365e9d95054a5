import { createDataSource, type DatabaseConfig } from "../../../platform/src/database";
import { PartnerBatch } from "./entities/partner-batch.entity";
import { PartnerContact } from "./entities/partner-contact.entity";
import { Exchange1734000000000 } from "./migrations/1734000000000-exchange";

export function createExchangeDataSource(config: DatabaseConfig) {
  return createDataSource(config, { owner: "exchange", entities: [PartnerContact, PartnerBatch], migrations: [Exchange1734000000000] });
}
