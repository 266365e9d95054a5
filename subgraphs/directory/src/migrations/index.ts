import { Initial1732300000000 } from "./1732300000000-initial";
import { Audit1732500000000 } from "./1732500000000-audit";
import { StatusVerification1732600000000 } from "./1732600000000-status-verification";
import { Corrections1732700000000 } from "./1732700000000-corrections";
import { NearestIndexes1732800000000 } from "./1732800000000-nearest-indexes";
import { Revision1732900000000 } from "./1732900000000-revision";
import { RevisionCatalogue1733000000000 } from "./1733000000000-revision-catalogue";
import { FullTextSearch1735000000000 } from "./1735000000000-full-text-search";
import { FieldSources1736000000000 } from "./1736000000000-field-sources";
import { CountryTableSubmissions1737000000000 } from "./1737000000000-country-table-submissions";
import { CatalogueRevision1738000000000 } from "./1738000000000-catalogue-revision";

/** In order. A new migration is appended here; never edit one that has shipped. */
export const migrations = [
  Initial1732300000000,
  Audit1732500000000,
  StatusVerification1732600000000,
  Corrections1732700000000,
  NearestIndexes1732800000000,
  Revision1732900000000,
  RevisionCatalogue1733000000000,
  FullTextSearch1735000000000,
  FieldSources1736000000000,
  CountryTableSubmissions1737000000000,
  CatalogueRevision1738000000000,
];
