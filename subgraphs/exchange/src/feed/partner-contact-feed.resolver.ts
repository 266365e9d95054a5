import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { MoreThan } from "typeorm";
import { requireRole } from "../../../kit/src/access";
import { partnerContactsCsv } from "../../../../platform/src/contact-card/cards";
import { toVCards } from "../../../../platform/src/contact-card/vcard";
import { Role } from "../../../../platform/src/identity";
import { readFeedPage, SyncOperation, tokenAudience } from "../../../kit/src/sync/feed";
import { conferenceFilter } from "../access";
import type { ExchangeContext } from "../context";
import { PartnerContact } from "../entities/partner-contact.entity";
import { cardOf, partnerContactData } from "../card";

const FEED = "exchange.partnerContacts";

@ObjectType({ description: "One change: the contact as it is now (UPSERT), or a tombstone (REMOVE: the partner removed it)." })
export class PartnerContactFeedEntry {
  @Field(() => SyncOperation) operation!: SyncOperation;
  @Field({ description: "The contact's id in Enlace." }) id!: string;
  @Field({ description: "The partner's own id." }) externalId!: string;
  @Field(() => PartnerContact, { nullable: true, description: "Null for REMOVE." }) contact!: PartnerContact | null;
}

@ObjectType({ description: "A page of the partner contact change feed, in commit order." })
export class PartnerContactFeed {
  @Field(() => [PartnerContactFeedEntry]) entries!: PartnerContactFeedEntry[];
  @Field({ description: "Pass it as `since` next time. Keep it only once this page's changes are applied on your side." }) nextToken!: string;
  @Field({ description: "More changes follow: call again at once with nextToken." }) hasMore!: boolean;
  conference!: string | null;
  lastSeq!: number;
}

/**
 * CardDAV sync-collection (RFC 6578) for the partner contacts: the CRM secretariat and
 * officials see every partner's, a partner its own (what Enlace holds of them).
 */
@Resolver(() => PartnerContactFeed)
export class PartnerContactFeedResolver {
  @Query(() => PartnerContactFeed, {
    description:
      "Changes to the partner contacts you may see since `since` (empty: from the beginning), oldest first. Tokens are opaque; a forged, foreign or expired one is SYNC_TOKEN_INVALID: start again with an empty token. OFFICIAL, SECRETARIAT, PARTNER.",
  })
  async partnerContactChanges(
    @Ctx() ctx: ExchangeContext,
    @Arg("since", () => String, { nullable: true, defaultValue: "" }) since: string,
    @Arg("first", () => Int, { nullable: true, description: "1 to 1000; default 100." }) first?: number,
  ): Promise<PartnerContactFeed> {
    requireRole(ctx.identity, [Role.OFFICIAL, Role.SECRETARIAT, Role.PARTNER], "partnerContactChanges");
    const conference = conferenceFilter(ctx.identity);
    const page = await readFeedPage(ctx.dataSource, { feed: FEED, audience: tokenAudience(ctx.identity), since }, first, async (m, start, limit) => {
      const qb = m.createQueryBuilder(PartnerContact, "c").where("c.change_seq > :seq", { seq: start.seq }).orderBy("c.change_seq").limit(limit);
      if (conference) qb.andWhere("c.conference = :conference", { conference });
      if (start.initial) qb.andWhere("c.removed_at IS NULL");
      return (await qb.getMany()).map((c) => Object.assign(c, { seq: c.changeSeq }));
    });
    return {
      entries: page.page.map((c) => ({ operation: c.removedAt ? SyncOperation.REMOVE : SyncOperation.UPSERT, id: c.id, externalId: c.externalId, contact: c.removedAt ? null : c })),
      nextToken: page.nextToken,
      hasMore: page.hasMore,
      conference,
      lastSeq: page.lastSeq,
    };
  }

  @FieldResolver(() => Int, { description: "Changes after this page (for progress bars; costs a count, ask once)." })
  remaining(@Root() feed: PartnerContactFeed, @Ctx() ctx: ExchangeContext): Promise<number> {
    return ctx.dataSource.manager.count(PartnerContact, { where: { changeSeq: MoreThan(feed.lastSeq), ...(feed.conference ? { conference: feed.conference } : {}) } });
  }

  @FieldResolver(() => String, { description: "This page's UPSERTs as vCard 4.0 (personal fields only where you may see them)." })
  vcard(@Root() feed: PartnerContactFeed, @Ctx() ctx: ExchangeContext): string {
    return toVCards(upserts(feed).map((c) => cardOf(c, ctx.identity)));
  }

  @FieldResolver(() => String, { description: "This page's UPSERTs as CSV (cells that could start a spreadsheet formula begin with an apostrophe)." })
  csv(@Root() feed: PartnerContactFeed, @Ctx() ctx: ExchangeContext): string {
    return partnerContactsCsv(upserts(feed).map((c) => partnerContactData(c, ctx.identity)));
  }
}

const upserts = (feed: PartnerContactFeed) => feed.entries.flatMap((e) => (e.contact ? [e.contact] : []));
