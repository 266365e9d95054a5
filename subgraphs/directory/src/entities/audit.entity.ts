import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * Every write to the directory: who (role and key), when, what (field: [old, new]). Same
 * shape as the roster's audit trail. Written in the transaction of the change it records.
 */
@ObjectType("AuditRecord", { simpleResolvers: true, description: "One write: who, in which role, when, what changed." })
@Entity({ name: "directory_audit" })
@Index("idx_directory_audit_entity", ["entity", "entityId"])
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "varchar", length: 32 })
  entity!: string;

  @Column({ name: "entity_id", type: "varchar", length: 120 })
  entityId!: string;

  @Field({ description: "CREATED, UPDATED, OFFERS_SET, STATUS_CHANGED, VERIFIED, CORRECTION_ACCEPTED, IMPORTED" })
  @Column({ type: "varchar", length: 32 })
  action!: string;

  @Field()
  @Column({ name: "actor_role", type: "varchar", length: 16 })
  actorRole!: string;

  /** The API key's id, or the command that wrote (e.g. "import:<file>"). */
  @Field({ description: "The API key's id, or the command that wrote (import:<file>)." })
  @Column({ name: "actor", type: "varchar", length: 200 })
  actor!: string;

  @Field()
  @Column({ type: "varchar", length: 32 })
  at!: string;

  @Column({ type: "simple-json" })
  changes!: Record<string, [unknown, unknown]>;
}
