import { createHash } from "node:crypto";
import { createReadStream, readFileSync } from "node:fs";
import { join } from "node:path";

/** Every database of a stack: the three subgraphs' and the gateway's API keys. */
export const OWNERS = ["directory", "roster", "exchange", "gateway"] as const;
export type Owner = (typeof OWNERS)[number];

export const MANIFEST = "manifest.json";
export const MANIFEST_FORMAT = "enlace-backup/1";

/** Where a database stood when it was copied: what the restored stack will say. */
export interface DatabaseState {
  /** The newest migration applied. */
  migration: string | null;
  /** directory: the revision counter every write bumps (the nearest index and caches key on it). */
  revision?: number;
  /** roster, exchange: the change feed's last sequence number; tokens past it are refused after a restore. */
  feedSeq?: number;
  /** Rows of the main table: offices, focal points, partner contacts, API keys. */
  rows: number;
}

export interface BackupEntry {
  owner: Owner;
  file: string;
  bytes: number;
  sha256: string;
  integrity: "ok";
  state: DatabaseState;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  /** When the copies were taken (each database's copy is consistent in itself). */
  createdAt: string;
  databases: BackupEntry[];
}

export function readManifest(dir: string): Manifest {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest;
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`${join(dir, MANIFEST)}: not an Enlace backup (format ${JSON.stringify(manifest.format)})`);
  return manifest;
}

export function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}
