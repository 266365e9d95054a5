import { Column, Entity, PrimaryColumn } from "typeorm";
import type { Role } from "../../../platform/src/identity";

/** An API key, stored only as a slow hash of its secret part. */
@Entity({ name: "api_key" })
export class ApiKey {
  /** Public part of the key (`enl_<id>_<secret>`): finds the row, proves nothing. */
  @PrimaryColumn({ type: "varchar", length: 16 })
  id!: string;

  @Column({ type: "varchar", length: 16 })
  role!: Role;

  @Column({ type: "varchar", length: 2, nullable: true })
  country!: string | null;

  @Column({ type: "varchar", length: 16, nullable: true })
  conference!: string | null;

  @Column({ type: "text" })
  label!: string;

  /** scrypt$N$r$p$salt$hash, all base64url. */
  @Column({ name: "secret_hash", type: "text" })
  secretHash!: string;

  @Column({ name: "created_at", type: "varchar", length: 32 })
  createdAt!: string;

  @Column({ name: "revoked_at", type: "varchar", length: 32, nullable: true })
  revokedAt!: string | null;
}
