import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";

/**
 * A subgraph's data-only answer kept as bytes (data-source.ts): Apollo Server serializes it
 * as a marker string unique to the request, and `passAnswerBytes` puts the bytes in its
 * place as the answer is sent. For the official's list (56 kB) that saves parsing the
 * subgraph's answer into about 1,100 objects and arrays (50 offices, their countries, 450
 * offers and their procedures) and serializing them again. Garbage collection was 43 % of
 * the gateway's busy CPU on that list before, 34 % after (docs/performance.md).
 */
export class AnswerBytes {
  readonly marker = `\u0000enlace-answer-bytes:${randomUUID()}`;
  constructor(readonly bytes: Buffer) {}
  toJSON(): string {
    return this.marker;
  }
}

/** Mounted last before Apollo Server: outermost, so the size limit and the cache see the answer's real bytes. */
export const passAnswerBytes: RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  res.send = (payload: unknown) => {
    const pending = (res.locals.answer as AnswerState | undefined)?.bytes ?? [];
    if (typeof payload !== "string") return send(payload);
    // Where each marker is, in the order they appear (a batch of operations would hold one each).
    const found = pending
      .map((answer) => ({ answer, marker: JSON.stringify(answer.marker) }))
      .map((p) => ({ ...p, at: payload.indexOf(p.marker) }))
      .filter((p) => p.at >= 0)
      .sort((a, b) => a.at - b.at);
    if (!found.length) return send(payload);
    const parts: Buffer[] = [];
    let from = 0;
    for (const { answer, marker, at } of found) {
      parts.push(Buffer.from(payload.slice(from, at)), answer.bytes);
      from = at + marker.length;
    }
    parts.push(Buffer.from(payload.slice(from)));
    return send(Buffer.concat(parts));
  };
  next();
};

/**
 * The single-fetch path's state for one HTTP request (GatewayContext.answer): Apollo Server
 * hands operations a shallow copy of the context, and this object is what the copy, the data
 * source and the express layer that sends the answer share.
 */
export interface AnswerState {
  /** While the single-fetch path's fetch is out: a data-only answer comes back as its bytes. */
  wantsBytes: boolean;
  /** The subgraphs' bytes of this answer's `data`, each put in place of its marker as the answer is sent (one per operation). */
  bytes: AnswerBytes[];
}
