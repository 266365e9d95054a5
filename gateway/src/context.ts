import type { Request } from "express";
import { requestIdFrom, REQUEST_ID_HEADER } from "../../subgraphs/shared/src/request-id";

/** Who is asking and how: built once per request, read by the data sources. */
export interface GatewayContext {
  requestId: string;
  acceptLanguage?: string;
}

export function requestIdOf(req: Request): string {
  const existing = (req as Request & { requestId?: string }).requestId;
  if (existing) return existing;
  const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  (req as Request & { requestId?: string }).requestId = id;
  return id;
}

export function buildContext(req: Request): GatewayContext {
  return { requestId: requestIdOf(req), acceptLanguage: req.headers["accept-language"] };
}
