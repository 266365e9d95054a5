import type { RequestHandler } from "express";

/** How deep a request's variables may nest (arrays and objects): the API's inputs need 4. */
export const MAX_VARIABLES_DEPTH = 32;

const refuse = (res: Parameters<RequestHandler>[1], status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

/**
 * /graphql speaks GET (the playground, trusted documents) and POST; OPTIONS is CORS's.
 * Any other method is a 405 with Allow — never a stored answer.
 */
export const graphqlMethods: RequestHandler = (req, res, next) => {
  if (req.method === "GET" || req.method === "POST" || req.method === "OPTIONS" || req.method === "HEAD") return next();
  res.setHeader("allow", "GET, POST, OPTIONS");
  refuse(res, 405, "METHOD_NOT_ALLOWED", `${req.method} is not allowed on /graphql: use POST (or GET for trusted documents)`);
};

/**
 * `Authorization` is `Bearer <key>` or absent. Anything else (`Token <key>`, a bare key,
 * `Bearer` alone) is a 401 naming the expected form: a caller who meant to send a key
 * must not be served as anonymous.
 */
export const authorizationForm: RequestHandler = (req, res, next) => {
  const header = req.headers.authorization;
  if (header === undefined) return next();
  if (/^Bearer\s+\S+\s*$/i.test(header)) return next();
  res.setHeader("www-authenticate", 'Bearer realm="enlace"');
  refuse(res, 401, "UNAUTHENTICATED", "Unauthenticated: the Authorization header must be `Bearer <key>` (or send the key in X-API-Key)");
};

/** The nesting depth of a JSON value, counted without recursion (a deep value cannot overflow the stack). */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== "object") continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) if (child !== null && typeof child === "object") stack.push([child, here]);
  }
  return deepest;
}

/** Variables nested deeper than MAX_VARIABLES_DEPTH: a 400 before anything serialises them. */
export const variablesDepth: RequestHandler = (req, res, next) => {
  const variables = (req.body as { variables?: unknown } | undefined)?.variables;
  if (variables !== null && typeof variables === "object" && jsonDepth(variables, MAX_VARIABLES_DEPTH) > MAX_VARIABLES_DEPTH) {
    return void refuse(res, 400, "BAD_REQUEST", `variables: nested deeper than ${MAX_VARIABLES_DEPTH} levels`);
  }
  next();
};

/**
 * A cap on the bytes of one answer (GATEWAY_MAX_ANSWER_MB): a bigger one is replaced by a
 * 400 RESPONSE_TOO_LARGE saying how to ask for less. The cost limit keeps most such
 * answers from being computed at all; this bounds what any one client can make the
 * gateway send and a cache keep.
 */
export function answerSizeLimit(maxBytes: number): RequestHandler {
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = (payload: unknown) => {
      const size = typeof payload === "string" ? Buffer.byteLength(payload) : Buffer.isBuffer(payload) ? payload.length : 0;
      if (size <= maxBytes) return send(payload);
      res.status(400);
      res.setHeader("cache-control", "private, no-store");
      res.setHeader("content-type", "application/json; charset=utf-8");
      return send(
        JSON.stringify({
          errors: [
            {
              message: `The answer would be ${(size / 1_048_576).toFixed(1)} MB, over the limit of ${(maxBytes / 1_048_576).toFixed(0)} MB: ask for fewer items (first) or fewer fields`,
              extensions: { code: "RESPONSE_TOO_LARGE", bytes: size, limit: maxBytes },
            },
          ],
        }),
      );
    };
    next();
  };
}
