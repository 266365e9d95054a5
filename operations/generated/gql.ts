/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query DirectoryFilters($lang: Lang) {\n  countries(filter: {crm: [MEMBER, OBSERVER]}) {\n    code\n    name(lang: $lang)\n    crmMembership\n  }\n  procedures {\n    code\n    label(lang: $lang)\n  }\n}": typeof types.DirectoryFiltersDocument,
    "query RepresentationsOfCountryIn($sending: [String!], $hosts: [String!], $first: Int = 20, $after: String, $lang: Lang) {\n  representations(\n    filter: {sendingCountry: $sending, hostCountry: $hosts}\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name(lang: $lang)\n      kind\n      kindLabel(lang: $lang)\n      city\n      address\n      hostCountry {\n        code\n        name(lang: $lang)\n      }\n      coordinates {\n        latitude\n        longitude\n        precision\n      }\n      phones {\n        e164\n        raw\n      }\n      emails\n      website\n      status\n      procedures {\n        basis\n        procedure {\n          code\n          label(lang: $lang)\n        }\n      }\n      provenance {\n        sources\n        sourceDate\n        lastVerifiedOn\n      }\n    }\n  }\n}": typeof types.RepresentationsOfCountryInDocument,
    "query NearestForIdentification($nationalities: [String!]!, $place: String!, $country: String, $lang: Lang) {\n  nearestRepresentations(\n    nationalities: $nationalities\n    near: {place: $place, country: $country}\n    procedure: EMERGENCY_TRAVEL_DOCUMENT\n    first: 3\n  ) {\n    place {\n      name\n      country {\n        code\n      }\n      latitude\n      longitude\n    }\n    byNationality {\n      nationality {\n        code\n        name(lang: $lang)\n      }\n      anyCovers\n      results {\n        distanceKm\n        coversLocation\n        basis\n        coordinatePrecision\n        representation {\n          id\n          name(lang: $lang)\n          city\n          address\n          phones {\n            e164\n            raw\n          }\n          emails\n          openingHours\n          staleness {\n            level\n          }\n          provenance {\n            lastVerifiedOn\n          }\n        }\n      }\n    }\n  }\n}": typeof types.NearestForIdentificationDocument,
    "query SearchRepresentations($text: String!, $first: Int = 10, $after: String, $lang: Lang) {\n  representations(filter: {text: $text}, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name(lang: $lang)\n      city\n      hostCountry {\n        name(lang: $lang)\n      }\n    }\n  }\n}": typeof types.SearchRepresentationsDocument,
};
const documents: Documents = {
    "query DirectoryFilters($lang: Lang) {\n  countries(filter: {crm: [MEMBER, OBSERVER]}) {\n    code\n    name(lang: $lang)\n    crmMembership\n  }\n  procedures {\n    code\n    label(lang: $lang)\n  }\n}": types.DirectoryFiltersDocument,
    "query RepresentationsOfCountryIn($sending: [String!], $hosts: [String!], $first: Int = 20, $after: String, $lang: Lang) {\n  representations(\n    filter: {sendingCountry: $sending, hostCountry: $hosts}\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name(lang: $lang)\n      kind\n      kindLabel(lang: $lang)\n      city\n      address\n      hostCountry {\n        code\n        name(lang: $lang)\n      }\n      coordinates {\n        latitude\n        longitude\n        precision\n      }\n      phones {\n        e164\n        raw\n      }\n      emails\n      website\n      status\n      procedures {\n        basis\n        procedure {\n          code\n          label(lang: $lang)\n        }\n      }\n      provenance {\n        sources\n        sourceDate\n        lastVerifiedOn\n      }\n    }\n  }\n}": types.RepresentationsOfCountryInDocument,
    "query NearestForIdentification($nationalities: [String!]!, $place: String!, $country: String, $lang: Lang) {\n  nearestRepresentations(\n    nationalities: $nationalities\n    near: {place: $place, country: $country}\n    procedure: EMERGENCY_TRAVEL_DOCUMENT\n    first: 3\n  ) {\n    place {\n      name\n      country {\n        code\n      }\n      latitude\n      longitude\n    }\n    byNationality {\n      nationality {\n        code\n        name(lang: $lang)\n      }\n      anyCovers\n      results {\n        distanceKm\n        coversLocation\n        basis\n        coordinatePrecision\n        representation {\n          id\n          name(lang: $lang)\n          city\n          address\n          phones {\n            e164\n            raw\n          }\n          emails\n          openingHours\n          staleness {\n            level\n          }\n          provenance {\n            lastVerifiedOn\n          }\n        }\n      }\n    }\n  }\n}": types.NearestForIdentificationDocument,
    "query SearchRepresentations($text: String!, $first: Int = 10, $after: String, $lang: Lang) {\n  representations(filter: {text: $text}, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name(lang: $lang)\n      city\n      hostCountry {\n        name(lang: $lang)\n      }\n    }\n  }\n}": types.SearchRepresentationsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DirectoryFilters($lang: Lang) {\n  countries(filter: {crm: [MEMBER, OBSERVER]}) {\n    code\n    name(lang: $lang)\n    crmMembership\n  }\n  procedures {\n    code\n    label(lang: $lang)\n  }\n}"): (typeof documents)["query DirectoryFilters($lang: Lang) {\n  countries(filter: {crm: [MEMBER, OBSERVER]}) {\n    code\n    name(lang: $lang)\n    crmMembership\n  }\n  procedures {\n    code\n    label(lang: $lang)\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RepresentationsOfCountryIn($sending: [String!], $hosts: [String!], $first: Int = 20, $after: String, $lang: Lang) {\n  representations(\n    filter: {sendingCountry: $sending, hostCountry: $hosts}\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name(lang: $lang)\n      kind\n      kindLabel(lang: $lang)\n      city\n      address\n      hostCountry {\n        code\n        name(lang: $lang)\n      }\n      coordinates {\n        latitude\n        longitude\n        precision\n      }\n      phones {\n        e164\n        raw\n      }\n      emails\n      website\n      status\n      procedures {\n        basis\n        procedure {\n          code\n          label(lang: $lang)\n        }\n      }\n      provenance {\n        sources\n        sourceDate\n        lastVerifiedOn\n      }\n    }\n  }\n}"): (typeof documents)["query RepresentationsOfCountryIn($sending: [String!], $hosts: [String!], $first: Int = 20, $after: String, $lang: Lang) {\n  representations(\n    filter: {sendingCountry: $sending, hostCountry: $hosts}\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name(lang: $lang)\n      kind\n      kindLabel(lang: $lang)\n      city\n      address\n      hostCountry {\n        code\n        name(lang: $lang)\n      }\n      coordinates {\n        latitude\n        longitude\n        precision\n      }\n      phones {\n        e164\n        raw\n      }\n      emails\n      website\n      status\n      procedures {\n        basis\n        procedure {\n          code\n          label(lang: $lang)\n        }\n      }\n      provenance {\n        sources\n        sourceDate\n        lastVerifiedOn\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NearestForIdentification($nationalities: [String!]!, $place: String!, $country: String, $lang: Lang) {\n  nearestRepresentations(\n    nationalities: $nationalities\n    near: {place: $place, country: $country}\n    procedure: EMERGENCY_TRAVEL_DOCUMENT\n    first: 3\n  ) {\n    place {\n      name\n      country {\n        code\n      }\n      latitude\n      longitude\n    }\n    byNationality {\n      nationality {\n        code\n        name(lang: $lang)\n      }\n      anyCovers\n      results {\n        distanceKm\n        coversLocation\n        basis\n        coordinatePrecision\n        representation {\n          id\n          name(lang: $lang)\n          city\n          address\n          phones {\n            e164\n            raw\n          }\n          emails\n          openingHours\n          staleness {\n            level\n          }\n          provenance {\n            lastVerifiedOn\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query NearestForIdentification($nationalities: [String!]!, $place: String!, $country: String, $lang: Lang) {\n  nearestRepresentations(\n    nationalities: $nationalities\n    near: {place: $place, country: $country}\n    procedure: EMERGENCY_TRAVEL_DOCUMENT\n    first: 3\n  ) {\n    place {\n      name\n      country {\n        code\n      }\n      latitude\n      longitude\n    }\n    byNationality {\n      nationality {\n        code\n        name(lang: $lang)\n      }\n      anyCovers\n      results {\n        distanceKm\n        coversLocation\n        basis\n        coordinatePrecision\n        representation {\n          id\n          name(lang: $lang)\n          city\n          address\n          phones {\n            e164\n            raw\n          }\n          emails\n          openingHours\n          staleness {\n            level\n          }\n          provenance {\n            lastVerifiedOn\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchRepresentations($text: String!, $first: Int = 10, $after: String, $lang: Lang) {\n  representations(filter: {text: $text}, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name(lang: $lang)\n      city\n      hostCountry {\n        name(lang: $lang)\n      }\n    }\n  }\n}"): (typeof documents)["query SearchRepresentations($text: String!, $first: Int = 10, $after: String, $lang: Lang) {\n  representations(filter: {text: $text}, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name(lang: $lang)\n      city\n      hostCountry {\n        name(lang: $lang)\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;