import { connect, type Socket } from "node:net";

export interface PlainResponse {
  status: number;
  body: string;
}

/** The answer was framed in a way this client does not read (no Content-Length): ask with node:http instead. */
export class UnsupportedResponse extends Error {}

const HEAD_END = "\r\n\r\n";
const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)[ \t]*(?=\r\n)/i;
const CONNECTION_CLOSE = /\r\nconnection:[ \t]*close[ \t]*(?=\r\n)/i;

/** One kept-alive connection; one request at a time. */
class Connection {
  private readonly socket: Socket;
  private text = "";
  private waiting: { resolve(response: PlainResponse): void; reject(error: Error): void } | undefined;
  closed = false;
  /** Requests sent on it so far: a reused connection that closes before answering is retried. */
  used = 0;

  constructor(host: string, port: number, onClose: (connection: Connection) => void) {
    this.socket = connect({ host, port, noDelay: true });
    this.socket.setEncoding("latin1"); // one character per byte: Content-Length counts characters
    this.socket.on("data", (chunk: string) => this.receive(chunk));
    const close = (error?: Error) => {
      if (this.closed) return;
      this.closed = true;
      this.socket.destroy();
      onClose(this);
      this.waiting?.reject(error ?? new Error("directory revision: connection closed"));
      this.waiting = undefined;
    };
    this.socket.on("error", close);
    this.socket.on("close", () => close());
  }

  request(head: string): Promise<PlainResponse> {
    this.used++;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.text = "";
      this.socket.write(head, "latin1");
    });
  }

  /** Idle connections do not keep the process alive. */
  ref(held: boolean): void {
    if (held) this.socket.ref();
    else this.socket.unref();
  }

  destroy(error?: Error): void {
    this.socket.destroy(error);
  }

  private receive(chunk: string): void {
    this.text += chunk;
    const waiting = this.waiting;
    if (!waiting) return this.destroy(); // nothing was asked
    const headEnd = this.text.indexOf(HEAD_END);
    if (headEnd < 0) return;
    const head = this.text.slice(0, headEnd + 2); // each header line with its CRLF
    const length = CONTENT_LENGTH.exec(head);
    if (!length || !/^HTTP\/1\.[01] \d{3}/.test(head)) return this.destroy(new UnsupportedResponse(`directory revision: unexpected answer framing: ${head.slice(0, 40)}`));
    const end = headEnd + HEAD_END.length + Number(length[1]);
    if (this.text.length < end) return;
    if (this.text.length > end) return this.destroy(new Error("directory revision: more bytes than announced"));
    this.waiting = undefined;
    const body = Buffer.from(this.text.slice(headEnd + HEAD_END.length), "latin1").toString("utf8");
    this.text = "";
    if (CONNECTION_CLOSE.test(head)) this.destroy();
    waiting.resolve({ status: Number(head.slice(9, 12)), body });
  }
}

/**
 * GETs one plain-HTTP URL over kept-alive connections, with none of node:http's
 * per-request machinery: the gateway reads the directory revision for every round of
 * requests, so this client's cost is part of every cached answer's. Answers must carry a
 * Content-Length (the directory's /revision does); anything else rejects with
 * UnsupportedResponse so that the caller can fall back to node:http.
 */
export class PlainGetClient {
  private readonly idle: Connection[] = [];
  private readonly head: string;
  private readonly host: string;
  private readonly port: number;

  constructor(
    url: URL,
    private readonly timeoutMs = 2000,
  ) {
    if (url.protocol !== "http:") throw new Error("PlainGetClient reads http: URLs only");
    this.host = url.hostname.replace(/^\[(.*)\]$/, "$1");
    this.port = Number(url.port || 80);
    this.head = `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: application/json\r\nConnection: keep-alive\r\n\r\n`;
  }

  async get(): Promise<PlainResponse> {
    let connection = this.take();
    const reused = connection.used > 0;
    try {
      return await this.send(connection);
    } catch (error) {
      // A kept-alive connection the server closed meanwhile: once more, on a new one.
      if (!reused || error instanceof UnsupportedResponse || (error as Error).message.includes("no answer")) throw error;
      connection = this.take(true);
      return this.send(connection);
    }
  }

  close(): void {
    for (const connection of this.idle.splice(0)) connection.destroy();
  }

  private take(fresh = false): Connection {
    let connection = fresh ? undefined : this.idle.pop();
    while (connection?.closed) connection = this.idle.pop();
    return connection ?? new Connection(this.host, this.port, (closed) => this.forget(closed));
  }

  private forget(connection: Connection): void {
    const index = this.idle.indexOf(connection);
    if (index >= 0) this.idle.splice(index, 1);
  }

  private async send(connection: Connection): Promise<PlainResponse> {
    const timer = setTimeout(() => connection.destroy(new Error(`directory revision: no answer in ${this.timeoutMs / 1000} s`)), this.timeoutMs);
    connection.ref(true);
    try {
      const response = await connection.request(this.head);
      connection.ref(false);
      if (!connection.closed && this.idle.length < 8) this.idle.push(connection);
      else connection.destroy();
      return response;
    } finally {
      clearTimeout(timer);
    }
  }
}
