import { spawnSync } from 'node:child_process';
import type { StartedTestContainer } from 'testcontainers';

/** An LTS release; override with EVENTSTORE_IMAGE to test another one. */
export const DEFAULT_EVENTSTORE_IMAGE = 'eventstore/eventstore:24.10';
const SERVER_PORT = 2113;
const PROBE_TIMEOUT_MS = 8_000;

export type TestServerPlan =
  | { readonly kind: 'url'; readonly connectionString: string }
  | { readonly kind: 'container'; readonly image: string }
  | { readonly kind: 'none'; readonly reason: string };

/**
 * Where the EventStoreDB tests get a server: EVENTSTORE_URL when set, else a container when a runtime
 * answers, else nowhere (the tests are skipped). Decided synchronously, because Jest collects tests
 * synchronously; the runtime probe runs in a child process so nothing it opens outlives it.
 */
export function planTestServer(env: NodeJS.ProcessEnv = process.env): TestServerPlan {
  const url = env.EVENTSTORE_URL?.trim();
  if (url) return { kind: 'url', connectionString: url };
  const runtime = probeContainerRuntime();
  if (runtime === 'available') return { kind: 'container', image: env.EVENTSTORE_IMAGE?.trim() || DEFAULT_EVENTSTORE_IMAGE };
  return { kind: 'none', reason: `EVENTSTORE_URL is not set and no container runtime was found (${runtime})` };
}

/** Prints the one line that says why a suite did not run. */
export function announceSkip(suite: string, plan: TestServerPlan): void {
  if (plan.kind === 'none') process.stdout.write(`${suite} skipped: ${plan.reason}\n`);
}

/** Asks testcontainers itself whether it finds a runtime; returns 'available' or the reason it did not. */
function probeContainerRuntime(): 'available' | string {
  const module = JSON.stringify(require.resolve('testcontainers'));
  const script =
    `require(${module}).getContainerRuntimeClient().then(() => process.exit(0), (error) => {` +
    ` process.stderr.write(String(error && error.message)); process.exit(1); });`;
  const probe = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: PROBE_TIMEOUT_MS });
  if (probe.error) return `probe failed: ${probe.error.message}`;
  if (probe.status === 0) return 'available';
  return probe.stderr.trim().split('\n').pop() || `probe exited with status ${probe.status}`;
}

export interface TestServer {
  /** Set once the suite's beforeAll has run. */
  readonly connectionString: string;
}

/** Registers the hooks that provide a server to the enclosing describe block and stop it afterwards. */
export function useTestServer(plan: Exclude<TestServerPlan, { kind: 'none' }>): TestServer {
  const server = { connectionString: '' };
  let container: StartedTestContainer | undefined;
  beforeAll(async () => {
    if (plan.kind === 'url') {
      server.connectionString = plan.connectionString;
      return;
    }
    container = await startContainer(plan.image);
    // The port is published on 127.0.0.1 only; "localhost" could resolve to ::1 first.
    const host = container.getHost() === 'localhost' ? '127.0.0.1' : container.getHost();
    server.connectionString = `esdb://${host}:${container.getMappedPort(SERVER_PORT)}?tls=false`;
  }, 240_000);
  afterAll(async () => {
    await container?.stop();
  }, 60_000);
  return server;
}

/** A single insecure in-memory node, with the standard projections on so `$all` holds system events too. */
async function startContainer(image: string): Promise<StartedTestContainer> {
  const { GenericContainer, Wait } = await import('testcontainers');

  class LoopbackContainer extends GenericContainer {
    /** Publishes the port on 127.0.0.1 only, not on every interface of the host. */
    withLoopbackPort(port: number): this {
      this.withExposedPorts(port);
      this.hostConfig.PortBindings = { ...this.hostConfig.PortBindings, [`${port}/tcp`]: [{ HostIp: '127.0.0.1', HostPort: '0' }] };
      return this;
    }
  }

  return new LoopbackContainer(image)
    .withEnvironment({
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_MEM_DB: 'true',
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_RUN_PROJECTIONS: 'All',
      EVENTSTORE_START_STANDARD_PROJECTIONS: 'true',
    })
    .withLoopbackPort(SERVER_PORT)
    .withWaitStrategy(Wait.forHttp('/health/live', SERVER_PORT).forStatusCode(204))
    .withStartupTimeout(180_000)
    .start();
}
