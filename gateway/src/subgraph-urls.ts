/** `<NAME>_URL` (e.g. DIRECTORY_URL=http://10.0.0.5:4001/graphql), else loopback on the default port. */
export function subgraphUrlsFromEnv(subgraphs: readonly { name: string; defaultPort: number }[], env = process.env): Record<string, string> {
  return Object.fromEntries(subgraphs.map(({ name, defaultPort }) => [name, env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${defaultPort}/graphql`]));
}
