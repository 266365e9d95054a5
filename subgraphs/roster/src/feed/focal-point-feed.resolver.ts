import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { MoreThan } from "typeorm";
import { requireRole } from "../../../kit/src/access";
import { focalPointsCsv } from "../../../../platform/src/contact-card/cards";
import { toVCards } from "../../../../platform/src/contact-card/vcard";
import { Role } from "../../../../platform/src/identity";
import { readFeedPage, SyncOperation } from "../../../kit/src/sync/feed";
import { cardOf, focalPointData } from "../card";
import type { RosterContext } from "../context";
import { FocalPoint } from "../entities/focal-point.entity";
import { feedAudience } from "./audiences";
import { FeedEntry } from "./feed-entry.entity";

const FEED = "roster.focalPoints";

@ObjectType({ description: "One change: the focal point as it is now (UPSERT), or a tombstone (REMOVE: ended or no longer shared with you)." })
export class FocalPointFeedEntry {
  @Field(() => SyncOperation) operation!: SyncOperation;
  @Field({ description: "The focal point's id." }) id!: string;
  @Field(() => FocalPoint, { nullable: true, description: "Null for REMOVE." }) focalPoint!: FocalPoint | null;
}

@ObjectType({ description: "A page of the focal point change feed, in commit order." })
export class FocalPointFeed {
  @Field(() => [FocalPointFeedEntry]) entries!: FocalPointFeedEntry[];
  @Field({ description: "Pass it as `since` next time. Keep it only once this page's changes are applied on your side." }) nextToken!: string;
  @Field({ description: "More changes follow: call again at once with nextToken." }) hasMore!: boolean;
  /** For `remaining`. */
  audience!: string;
  lastSeq!: number;
}

/**
 * CardDAV sync-collection (RFC 6578) for the roster: the focal points the caller may see,
 * as changes in commit order. The secretariat and officials see every focal point; a
 * partner those shared with its conference, and a REMOVE when one is unshared or ended.
 */
@Resolver(() => FocalPointFeed)
export class FocalPointFeedResolver {
  @Query(() => FocalPointFeed, {
    description:
      "Changes to the focal points you may see since `since` (empty: from the beginning), oldest first. Tokens are opaque; a forged, foreign or expired one is SYNC_TOKEN_INVALID: start again with an empty token. OFFICIAL, SECRETARIAT, PARTNER.",
  })
  async focalPointChanges(
    @Ctx() ctx: RosterContext,
    @Arg("since", () => String, { nullable: true, defaultValue: "" }) since: string,
    @Arg("first", () => Int, { nullable: true, description: "1 to 1000; default 100." }) first?: number,
  ): Promise<FocalPointFeed> {
    requireRole(ctx.identity, [Role.OFFICIAL, Role.SECRETARIAT, Role.PARTNER], "focalPointChanges");
    const audience = feedAudience(ctx.identity);
    const page = await readFeedPage(ctx.dataSource, { feed: FEED, audience: audience.token, since }, first, (m, start, limit) => {
      // The feed's order and the rows' current state from the same snapshot.
      const qb = m
        .createQueryBuilder(FeedEntry, "fe")
        .leftJoinAndMapOne("fe.focalPoint", FocalPoint, "fp", "fp.id = fe.entity_id")
        .where("fe.audience = :audience AND fe.seq > :seq", { audience: audience.rows, seq: start.seq })
        .orderBy("fe.seq")
        .limit(limit);
      if (start.initial) qb.andWhere("fe.removed = 0");
      return qb.getMany() as Promise<(FeedEntry & { focalPoint?: FocalPoint })[]>;
    });
    return {
      entries: page.page.map((e) => ({
        operation: e.removed || !e.focalPoint ? SyncOperation.REMOVE : SyncOperation.UPSERT,
        id: e.entityId,
        focalPoint: e.removed ? null : (e.focalPoint ?? null),
      })),
      nextToken: page.nextToken,
      hasMore: page.hasMore,
      audience: audience.rows,
      lastSeq: page.lastSeq,
    };
  }

  @FieldResolver(() => Int, { description: "Changes after this page (for progress bars; costs a count, ask once)." })
  remaining(@Root() feed: FocalPointFeed, @Ctx() ctx: RosterContext): Promise<number> {
    return ctx.dataSource.manager.count(FeedEntry, { where: { audience: feed.audience, seq: MoreThan(feed.lastSeq) } });
  }

  @FieldResolver(() => String, { description: "This page's UPSERTs as vCard 4.0 (personal fields only where you may see them)." })
  vcard(@Root() feed: FocalPointFeed, @Ctx() ctx: RosterContext): string {
    return toVCards(upserts(feed).map((fp) => cardOf(fp, ctx.identity)));
  }

  @FieldResolver(() => String, { description: "This page's UPSERTs as CSV (cells that could start a spreadsheet formula begin with an apostrophe)." })
  csv(@Root() feed: FocalPointFeed, @Ctx() ctx: RosterContext): string {
    return focalPointsCsv(upserts(feed).map((fp) => focalPointData(fp, ctx.identity)));
  }
}

const upserts = (feed: FocalPointFeed) => feed.entries.flatMap((e) => (e.focalPoint ? [e.focalPoint] : []));
