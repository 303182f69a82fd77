import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface RunningSystem {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything the process printed, for assertions and failure messages. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Starts the compiled all-in-one system as a child process and waits until `/health` answers 200. */
export async function startSystem(buildDir: string, env: Record<string, string>, timeoutMs = 30_000): Promise<RunningSystem> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(buildDir, 'apps/imera/src/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const system: RunningSystem = {
    url,
    process: child,
    output: () => output,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`System exited with ${child.exitCode}:\n${output}`);
    const status = await fetch(`${url}/health`).then((response) => response.status, () => 0);
    if (status === 200) return system;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await system.kill('SIGKILL');
  throw new Error(`System not healthy within ${timeoutMs} ms:\n${output}`);
}
