import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP relay on 127.0.0.1 in front of a server, for tests that need the network to fail: it can cut
 * every open connection and refuse new ones for a while.
 */
export class DroppableTcpProxy {
  private readonly sockets = new Set<Socket>();
  private refusing = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { readonly host: string; readonly port: number }): Promise<DroppableTcpProxy> {
    let proxy: DroppableTcpProxy | undefined;
    const server = createServer((client) => proxy?.relay(client, target));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('The proxy has no TCP address');
    proxy = new DroppableTcpProxy(server, address.port);
    return proxy;
  }

  /** Breaks every open connection, as a network failure or a server crash does. */
  cutConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /** While refusing, new connections are closed as soon as they open. */
  refuseConnections(refusing: boolean): void {
    this.refusing = refusing;
  }

  async close(): Promise<void> {
    this.cutConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, target: { readonly host: string; readonly port: number }): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const upstream = createConnection(target);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.sockets.delete(from);
        to.destroy();
      });
    }
  }
}

export interface ProxyableServer {
  readonly host: string;
  readonly port: number;
  /** The same connection string, pointed at another port on 127.0.0.1. */
  via(port: number): string;
}

/**
 * A single-node insecure connection string can be relayed byte for byte; a cluster (discovery, several
 * hosts) or TLS (the certificate names the real host) cannot. Returns the reason in those cases.
 */
export function proxyableServer(connectionString: string): ProxyableServer | string {
  const match = /^esdb:\/\/(?:([^/?#]*)@)?([^:/?#,]+)(?::(\d+))?\/?(\?[^#]*)?$/i.exec(connectionString.trim());
  if (!match) return 'the connection string names a cluster or is not a single esdb:// node';
  const [, credentials, host, port = '2113', query = ''] = match;
  if (!/[?&]tls=false(&|$)/i.test(query)) return 'the connection string does not say tls=false';
  const userInfo = credentials === undefined ? '' : `${credentials}@`;
  return { host, port: Number(port), via: (proxyPort) => `esdb://${userInfo}127.0.0.1:${proxyPort}${query}` };
}
