/**
 * Imported first by every production entry point (npm start, the gateway and each
 * subgraph run alone), before graphql-js and Apollo read NODE_ENV: production unless the
 * environment says otherwise. graphql-js skips its development-only checks (measured 22%
 * less CPU per directory list); `npm run dev` sets NODE_ENV=development, tests never load
 * an entry point's module (they spawn it, or call startStack).
 */
process.env.NODE_ENV ||= "production";

export {};
