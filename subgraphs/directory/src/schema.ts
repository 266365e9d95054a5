import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "../../kit/src/federated-schema";
import type { DirectoryContext } from "./context";
import { Country, Representation } from "./entities";
import { NearestResolver } from "./nearest/nearest.resolver";
import { PlaceDivisionResolver, PlacesResolver } from "./places/places.resolver";
import { CorrectionResolver } from "./resolvers/correction.resolver";
import { CountryResolver } from "./resolvers/country.resolver";
import { ProcedureResolver } from "./resolvers/procedure.resolver";
import { AuditEntryResolver, JurisdictionResolver, RepresentationConnectionResolver, RepresentationFieldsResolver } from "./resolvers/representation-fields.resolver";
import { RepresentationEditResolver } from "./resolvers/representation-edit.resolver";
import { ConfirmationResolver } from "./resolvers/confirmation.resolver";
import { RepresentationResolver } from "./resolvers/representation.resolver";
import { NearestForNationalityResolver } from "./nearest/empty-reason";
import { DataQualityResolver, QualityOfficeResolver } from "./quality/data-quality.resolver";
import { RevisionResolver } from "./resolvers/revision.resolver";
import { CountryTableResolver } from "./country-tables/country-table.resolver";

/** The directory's federated schema. Needs no database: resolvers reach it through the context. */
export function buildDirectorySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        CountryResolver,
        ProcedureResolver,
        RepresentationResolver,
        RepresentationEditResolver,
        ConfirmationResolver,
        CorrectionResolver,
        NearestResolver,
        PlacesResolver,
        PlaceDivisionResolver,
        RepresentationFieldsResolver,
        RepresentationConnectionResolver,
        JurisdictionResolver,
        AuditEntryResolver,
        NearestForNationalityResolver,
        DataQualityResolver,
        QualityOfficeResolver,
        RevisionResolver,
        CountryTableResolver,
      ],
      validate: false,
    },
    {
      // Entities other subgraphs refer to by key, resolved in batches through loaders.
      Country: {
        __resolveReference: (ref: { code: string }, ctx: DirectoryContext): Promise<Country | null> => ctx.loaders.countryByCode.load(ref.code.toUpperCase()),
      },
      Representation: {
        __resolveReference: (ref: { id: string }, ctx: DirectoryContext): Promise<Representation | null> => ctx.loaders.representationById.load(ref.id),
      },
    },
  );
}
