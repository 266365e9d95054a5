import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "../../kit/src/federated-schema";
import type { RosterContext } from "./context";
import { FocalPoint } from "./entities/focal-point.entity";
import { CountryFocalPointsResolver } from "./resolvers/country-focal-points.resolver";
import { FocalPointEventResolver, FocalPointFieldsResolver, RepresentationContactsResolver } from "./resolvers/focal-point-fields.resolver";
import { FocalPointWriteResolver } from "./resolvers/focal-point-write.resolver";
import { FocalPointResolver } from "./resolvers/focal-point.resolver";
import { FocalPointFeedResolver } from "./feed/focal-point-feed.resolver";

export function buildRosterSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [FocalPointResolver, FocalPointFieldsResolver, FocalPointWriteResolver, FocalPointEventResolver, CountryFocalPointsResolver, RepresentationContactsResolver, FocalPointFeedResolver],
      validate: false,
    },
    {
      Country: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
      Representation: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      FocalPoint: { __resolveReference: (ref: { id: string }, ctx: RosterContext): Promise<FocalPoint | null> => ctx.loaders.focalPointById.load(ref.id) },
    },
  );
}
