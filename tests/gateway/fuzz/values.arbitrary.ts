import fc from "fast-check";
import { isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from "graphql";

type Gen = fc.GeneratorValue;

/** Values that look right to the directory (real codes, ids, places), so that valid paths are reached too. */
const PLAUSIBLE = [
  "HT",
  "MX",
  "CR",
  "BD",
  "ht",
  "ZZ",
  "ht-mx-emb-mexico-city",
  "seed-cr-national",
  "Tapachula",
  "2024-01-01",
  "2031-02-30",
  "https://example.org/x",
  "+50622892226",
  "es",
  "en-US",
  "CSM",
  "",
];

/** Text a careless or hostile caller sends: long, odd Unicode, control characters, SQL and LIKE wildcards. */
export const oddString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PLAUSIBLE) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom("%", "_", "\\", "'; DROP TABLE representation; --", "\u0000", "\u202e\u200b", "🇭🇹🇲🇽", "a\u0301".repeat(300), "  \t\n ", "null") },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("a", "ab ", "é", "%_", "😀"), fc.integer({ min: 100, max: 12_000 })).map(([s, n]) => s.repeat(n)) },
);

const hugeInts = [0, -1, 1, 100, 101, -2_147_483_648, 2_147_483_647, 2_147_483_648, -2_147_483_649, Number.MAX_SAFE_INTEGER, 1e21, 1.5, -0.5];
export const oddInt = fc.oneof(fc.constantFrom(...hugeInts), fc.integer(), fc.integer({ min: -5, max: 200 }));
export const oddFloat = fc.oneof(
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 90, -90, 180.0001, 1e999 /* Infinity: JSON sends it as null, a literal as 1e999 */),
  fc.double({ noNaN: true }),
  fc.double({ min: -200, max: 200, noNaN: true }),
);

/** Any JSON value at all: what a wrong type looks like. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(oddString, oddInt, fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), fc.array(oddString, { maxLength: 3 }));

/**
 * A value for an input type of the API schema: mostly of the right shape, sometimes null,
 * sometimes of a wrong type, lists of any length, input objects with random fields (a
 * required one sometimes missing, an unknown one sometimes added).
 */
export function valueFor(g: Gen, type: GraphQLInputType, depth = 0): unknown {
  if (g(fc.integer, { min: 0, max: 19 }) === 0) return g(fc.constant, null);
  if (g(fc.integer, { min: 0, max: 19 }) === 0) return g(() => anyValue);
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const length = depth > 2 ? 0 : g(() => fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0, 1, 20)));
    return Array.from({ length }, () => valueFor(g, inner.ofType, depth + 1));
  }
  if (isEnumType(inner)) {
    const names = inner.getValues().map((v) => v.name);
    return g(() => fc.oneof(fc.constantFrom(...names), fc.constantFrom("NOPE", "member", "")));
  }
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (depth > 3 || !g(fc.boolean) ? required && g(fc.integer, { min: 0, max: 9 }) > 0 : true) out[field.name] = valueFor(g, field.type, depth + 1);
    }
    if (g(fc.integer, { min: 0, max: 19 }) === 0) out.unknownField = 1;
    return out;
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case "Int":
        return g(() => oddInt);
      case "Float":
        return g(() => oddFloat);
      case "Boolean":
        return g(fc.boolean);
      case "JSON":
        return g(() => anyValue);
      default:
        return g(() => oddString); // String, ID, DateTimeISO and the others travel as strings
    }
  }
  return null;
}
