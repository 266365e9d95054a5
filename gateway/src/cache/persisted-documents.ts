import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse, type OperationTypeNode } from "graphql";
import { OPERATIONS_DIR } from "../../../platform/src/paths";

export interface TrustedDocument {
  text: string;
  /** The operation's type; only queries may be asked over GET. */
  operation: OperationTypeNode;
}

/** graphql-codegen's persisted-documents output: "sha256:<hex>" → document text. */
export const PERSISTED_DOCUMENTS_PATH = join(OPERATIONS_DIR, "generated", "persisted-documents.json");

/**
 * The trusted documents of operations/, by id, so that the CRM site asks
 * `GET /graphql?documentId=sha256:…&variables=…`: short URLs a CDN can key on. Any
 * other document is still accepted over POST.
 */
export function loadTrustedDocuments(path = PERSISTED_DOCUMENTS_PATH): Map<string, TrustedDocument> {
  const documents = new Map<string, TrustedDocument>();
  if (!existsSync(path)) return documents;
  for (const [id, text] of Object.entries(JSON.parse(readFileSync(path, "utf8")) as Record<string, string>)) {
    const operation = parse(text).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (operation?.kind === Kind.OPERATION_DEFINITION) documents.set(id, { text, operation: operation.operation });
  }
  return documents;
}
