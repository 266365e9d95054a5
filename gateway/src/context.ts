import type { Request, Response } from "express";
import { PUBLIC_IDENTITY, type Identity } from "../../platform/src/identity";
import { requestIdFrom, REQUEST_ID_HEADER } from "../../platform/src/request-id";
import type { AnswerState } from "./answer-bytes";

/** Who is asking and how: built once per request, read by the data sources. */
export interface GatewayContext {
  requestId: string;
  acceptLanguage?: string;
  /** Set by the authenticate middleware from the API key; PUBLIC without one. */
  identity: Identity;
  /** PUBLIC requests: the directory revision read after the request arrived (cache/response-cache.ts). */
  directoryRevision?: string;
  /** The single-fetch path's state for this HTTP request (answer-bytes.ts). */
  answer: AnswerState;
}

export function requestIdOf(req: Request): string {
  const existing = (req as Request & { requestId?: string }).requestId;
  if (existing) return existing;
  const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  (req as Request & { requestId?: string }).requestId = id;
  return id;
}

export function buildContext(req: Request, res: Response): GatewayContext {
  const context: GatewayContext = {
    requestId: requestIdOf(req),
    acceptLanguage: req.headers["accept-language"],
    identity: (res.locals.identity as Identity | undefined) ?? PUBLIC_IDENTITY,
    directoryRevision: res.locals.directoryRevision as string | undefined,
    answer: { wantsBytes: false, bytes: [] },
  };
  // The single-fetch path's bytes are put in place as the answer is sent (single-fetch.ts).
  res.locals.answer = context.answer;
  return context;
}
