import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "../../shared/src/federated-schema";
import type { RosterContext } from "./context";
import { FocalPoint } from "./entities/focal-point.entity";
import { CountryFocalPointsResolver } from "./resolvers/country-focal-points.resolver";
import { FocalPointFieldsResolver } from "./resolvers/focal-point-fields.resolver";
import { FocalPointResolver } from "./resolvers/focal-point.resolver";

export function buildRosterSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [FocalPointResolver, FocalPointFieldsResolver, CountryFocalPointsResolver], validate: false },
    {
      Country: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
      FocalPoint: { __resolveReference: (ref: { id: string }, ctx: RosterContext): Promise<FocalPoint | null> => ctx.loaders.focalPointById.load(ref.id) },
    },
  );
}
