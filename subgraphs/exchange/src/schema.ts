import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "../../kit/src/federated-schema";
import { BatchHistoryResolver, BatchResolver } from "./batch/batch.resolver";
import type { ExchangeContext } from "./context";
import { PartnerContact } from "./entities/partner-contact.entity";
import { FocalPointReference } from "./entities/focal-point.reference";
import { PartnerContactFeedResolver } from "./feed/partner-contact-feed.resolver";
import { CountryPartnerContactsResolver, FocalPointCounterpartsResolver } from "./resolvers/contributed.resolver";
import { PartnerContactResolver } from "./resolvers/partner-contact.resolver";

export function buildExchangeSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [PartnerContactResolver, PartnerContactFeedResolver, BatchResolver, BatchHistoryResolver, CountryPartnerContactsResolver, FocalPointCounterpartsResolver],
      // Reached only through its field resolver, so named here to be part of the schema.
      orphanedTypes: [FocalPointReference],
      validate: false,
    },
    {
      Country: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
      // The gateway sends the role with the key (@requires): pass it on to counterparts.
      FocalPoint: { __resolveReference: (ref: FocalPointReference) => ref },
      PartnerContact: { __resolveReference: (ref: { id: string }, ctx: ExchangeContext): Promise<PartnerContact | null> => ctx.loaders.contactById.load(ref.id) },
    },
  );
}
