import "reflect-metadata";
import { execute, parse, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { Arg, Ctx, Field, FieldResolver, InputType, ObjectType, Query, Resolver, Root, UseMiddleware } from "type-graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDirectorySchema } from "../../subgraphs/directory/src/schema";
import { buildFederatedSchema } from "../../subgraphs/kit/src/federated-schema";

@ObjectType()
class Office {
  @Field()
  id!: string;
  @Field()
  city!: string;
}

@InputType()
class Greeting {
  @Field()
  word!: string;
}

const calls: string[] = [];

@Resolver(() => Office)
class OfficeResolver {
  @Query(() => [Office])
  offices(): Office[] {
    // Plain rows, as the directory's reads return them.
    return [
      { id: "a", city: "Tapachula" },
      { id: "b", city: "Tijuana" },
    ] as Office[];
  }

  @FieldResolver(() => String)
  label(@Root() office: Office, @Ctx() ctx: { lang: string }, @Arg("lang", () => String, { nullable: true }) lang?: string): string {
    return `${lang ?? ctx.lang}:${office.city}:${office instanceof Office ? "instance" : "plain"}`;
  }

  @FieldResolver(() => String)
  async later(@Root() office: Office): Promise<string> {
    return `later ${office.id}`;
  }

  @FieldResolver(() => String)
  greet(@Root() office: Office, @Arg("greeting", () => Greeting) greeting: Greeting): string {
    return `${greeting.word} ${office.id} ${greeting instanceof Greeting ? "instance" : "plain"}`;
  }

  @UseMiddleware(async (_data, next) => {
    calls.push("middleware");
    return next();
  })
  @FieldResolver(() => String)
  watched(@Root() office: Office): string {
    return office.id;
  }
}

describe("field resolvers called directly (subgraphs/kit/src/direct-resolvers.ts)", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [OfficeResolver], validate: false });
  });

  it("a synchronous resolver with an argument answers synchronously: the whole execution is a value, not a promise", () => {
    const result = execute({ schema, document: parse(`{ offices { id label en: label(lang: "en") } }`), contextValue: { lang: "es" } });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({
      data: {
        offices: [
          { id: "a", label: "es:Tapachula:plain", en: "en:Tapachula:plain" },
          { id: "b", label: "es:Tijuana:plain", en: "en:Tijuana:plain" },
        ],
      },
    });
  });

  it("an async resolver still returns its promise", async () => {
    const result = execute({ schema, document: parse(`{ offices { later } }`), contextValue: { lang: "es" } });
    expect(result).toBeInstanceOf(Promise);
    expect(await result).toEqual({ data: { offices: [{ later: "later a" }, { later: "later b" }] } });
  });

  it("leaves to type-graphql what only it does: input objects become their class, middlewares run", async () => {
    const fields = (schema.getType("Office") as GraphQLObjectType).getFields();
    expect(fields.greet.resolve).toBeDefined();
    const result = await execute({ schema, document: parse(`{ offices { greet(greeting: { word: "hola" }) watched } }`), contextValue: { lang: "es" } });
    expect(result).toEqual({
      data: {
        offices: [
          { greet: "hola a instance", watched: "a" },
          { greet: "hola b instance", watched: "b" },
        ],
      },
    });
    expect(calls).toEqual(["middleware", "middleware"]);
  });

  it("the directory's hot fields are direct: a procedure's label and a country's name answer without a promise", async () => {
    const directory = await buildDirectorySchema();
    const label = (directory.getType("Procedure") as GraphQLObjectType).getFields().label.resolve;
    const name = (directory.getType("Country") as GraphQLObjectType).getFields().name.resolve;
    const procedure = { code: "PASSPORT", labelEs: "Pasaporte", labelEn: "Passport", labelFr: "Passeport", labelPt: "Passaporte" };
    const country = { code: "HT", nameEs: "Haití", nameEn: "Haiti", nameFr: "Haïti", namePt: "Haiti" };
    const info = {} as never;
    expect(label?.(procedure, {}, { lang: "es" }, info)).toBe("Pasaporte");
    expect(label?.(procedure, { lang: "fr" }, { lang: "es" }, info)).toBe("Passeport");
    expect(name?.(country, { lang: "en" }, { lang: "es" }, info)).toBe("Haiti");
  });
});
