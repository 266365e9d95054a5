import { once } from "node:events";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 = any free port) and returns how to reach and stop it. */
export async function listen(app: RequestListener, port: number, host = "127.0.0.1"): Promise<Listening> {
  const server: Server = createServer(app);
  server.keepAliveTimeout = 65_000;
  server.listen(port, host);
  await once(server, "listening");
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
