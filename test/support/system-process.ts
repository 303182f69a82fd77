import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface RunningSystem {
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** The body of the first 200 from `/health`. */
  readonly health: unknown;
  /** What the process printed (its tail only, when started with `keepLast`), for assertions and failure messages. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  /** The port to listen on (a restart on the same address); a free one when not given. */
  readonly port?: number;
  readonly timeoutMs?: number;
  /** How often `/health` is asked while the system starts. */
  readonly pollMs?: number;
  /** Keep only the last this many characters of output: a process under load would otherwise keep it all. */
  readonly keepLast?: number;
  /** Leave standard output unread (a load run measures the system, not its log lines). */
  readonly ignoreStdout?: boolean;
}

/**
 * Node flags the system runs with, as `npm start` and the container image give them (a test checks that
 * they agree): a 64 MB young generation, ADR 0024.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Starts the compiled all-in-one system (`npm start`'s entry point) as a child process and waits until `/health` answers 200. */
export async function startSystem(buildDir: string, env: Record<string, string>, options: StartOptions = {}): Promise<RunningSystem> {
  const { timeoutMs = 30_000, pollMs = 100, keepLast = Number.POSITIVE_INFINITY } = options;
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, join(buildDir, 'apps/imera/src/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', options.ignoreStdout ? 'ignore' : 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > keepLast) output = output.slice(-keepLast);
  };
  child.stdout?.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The system exited with ${child.exitCode}:\n${output}`);
    const reply = await fetch(`${url}/health`)
      .then(async (response) => ({ status: response.status, body: (await response.json()) as unknown }))
      .catch(() => undefined);
    if (reply?.status === 200) return { url, port, process: child, health: reply.body, output: () => output, kill };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  await kill('SIGKILL');
  throw new Error(`The system was not healthy within ${timeoutMs} ms:\n${output}`);
}
