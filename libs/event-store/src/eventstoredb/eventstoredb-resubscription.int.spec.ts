import { announceSkip, planTestServer, TestServerPlan, useTestServer } from './testing/eventstoredb-test-server';
import { resubscriptionScenario } from './testing/resubscription-scenario';
import { proxyableServer } from './testing/tcp-proxy';

// The subscriber reaches the server through a relay the test can cut, as a crash or a network failure would.
const plan = proxyablePlan(planTestServer());
announceSkip('EventStoreDB resubscription test', plan);

(plan.kind === 'none' ? describe.skip : describe)('EventStoreDB subscription to all across a lost connection', () => {
  jest.setTimeout(60_000);
  const server = plan.kind === 'none' ? undefined : useTestServer(plan);

  it('resubscribes after the connection drops and resumes strictly after the last event handled', () =>
    resubscriptionScenario(server!.connectionString));
});

/** The relay works for a single insecure node; anything else is skipped with the reason. */
function proxyablePlan(plan: TestServerPlan): TestServerPlan {
  if (plan.kind !== 'url') return plan;
  const target = proxyableServer(plan.connectionString);
  return typeof target === 'string' ? { kind: 'none', reason: `EVENTSTORE_URL cannot be relayed: ${target}` } : plan;
}
