import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * A web page session (web/src/session/), kept in the gateway's database so that a restart
 * or a second gateway keeps it: filed under a hash of its id (the cookie), with the API
 * key it signed in with sealed (AES-256-GCM under a key derived from IDENTITY_SECRET,
 * which every gateway of a deployment shares), never in clear.
 */
@Entity({ name: "web_session" })
@Index("idx_web_session_key", ["keyId"])
export class WebSession {
  @PrimaryColumn({ name: "id_hash", type: "varchar", length: 64 })
  idHash!: string;

  @Column({ name: "key_id", type: "varchar", length: 16 })
  keyId!: string;

  @Column({ name: "sealed_key", type: "text" })
  sealedKey!: string;

  @Column({ type: "varchar", length: 64 })
  csrf!: string;

  @Column({ name: "created_at", type: "double precision" })
  createdAt!: number;

  @Column({ name: "last_seen_at", type: "double precision" })
  lastSeenAt!: number;
}
