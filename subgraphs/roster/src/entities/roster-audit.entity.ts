import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * Every write to the roster: who (role and key), when, what (field: [old, new]). The same
 * shape as the directory's audit trail; a focal point's history is its entries.
 */
@ObjectType("FocalPointEvent", { simpleResolvers: true, description: "An event in a focal point's history." })
@Entity({ name: "roster_audit" })
@Index("idx_roster_audit_entity", ["entityId"])
export class RosterAudit {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: "entity_id", type: "varchar", length: 64 })
  entityId!: string;

  @Field({ description: "NOMINATED, UPDATED, REPLACED, ENDED, SHARING_CHANGED" })
  @Column({ type: "varchar", length: 32 })
  action!: string;

  @Field()
  @Column({ name: "actor_role", type: "varchar", length: 16 })
  actorRole!: string;

  @Field({ description: "The API key's id." })
  @Column({ type: "varchar", length: 200 })
  actor!: string;

  @Field()
  @Column({ type: "varchar", length: 32 })
  at!: string;

  @Column({ type: "simple-json" })
  changes!: Record<string, [unknown, unknown]>;
}
