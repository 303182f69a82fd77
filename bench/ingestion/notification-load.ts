import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { LatencySummary, summariseLatencies } from '../report/latency';
import { Callers } from '../http/callers';
import { NotificationRequest } from './notification-requests';

export interface LoadMeasurement {
  readonly requests: number;
  readonly connections: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /**
   * Answers per second over the first and the last fifth of the answers: the run leaves every filing open,
   * so a rate that falls shows a cost per filing that grows with the open notifications.
   */
  readonly firstFifthPerSecond: number;
  readonly lastFifthPerSecond: number;
  readonly latency: LatencySummary;
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly timeouts: number;
}

/**
 * Files every notification once with autocannon at a fixed number of connections: each request is the next
 * distinct filing, with its Member State's bearer token. Latency is per request, from autocannon's own
 * timing (sent to answered), over all answers.
 */
export async function fileNotifications(baseUrl: string, requests: readonly NotificationRequest[], callers: Callers, connections: number): Promise<LoadMeasurement> {
  let next = 0;
  const latencies: number[] = [];
  const answeredAt: number[] = [];
  const statusCodes: Record<string, number> = {};
  const started = performance.now();
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({
    url: baseUrl,
    connections,
    amount: requests.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/notifications',
        setupRequest: (request) => {
          const filing = requests[next % requests.length];
          const authority = next++;
          return {
            ...request,
            body: filing.body,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${callers.authority(filing.memberState, authority)}` },
          };
        },
      },
    ],
    }, (error, result) => (error ? reject(error) : resolve(result)));
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    latencies.push(responseTimeMs);
    answeredAt.push(performance.now());
  });
  const result = await finished;
  const answered = latencies.length;
  // To the last answer: autocannon reports the end of a run on its once-a-second tick, which would round the
  // run up to whole seconds (2,000 answers in 3.1 s would read as 500 a second).
  const seconds = ((answered > 0 ? answeredAt[answered - 1] : performance.now()) - started) / 1000;
  return {
    requests: answered,
    connections,
    seconds,
    requestsPerSecond: answered / seconds,
    firstFifthPerSecond: rateBetween(answeredAt, 0, Math.floor(answered / 5)),
    lastFifthPerSecond: rateBetween(answeredAt, answered - Math.floor(answered / 5), answered - 1),
    latency: summariseLatencies(latencies),
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

function rateBetween(times: readonly number[], first: number, last: number): number {
  const span = (times[last] - times[first]) / 1000;
  return last > first && span > 0 ? (last - first) / span : 0;
}

/** Every answer a 2xx, none lost: otherwise the figure would measure refusals. */
export function assertAllFiled(measurement: LoadMeasurement, expected: number): void {
  const refused = Object.entries(measurement.statusCodes).filter(([status]) => !status.startsWith('2'));
  if (refused.length > 0 || measurement.errors > 0 || measurement.requests < expected) {
    throw new Error(`Not every notification was filed: ${measurement.requests}/${expected} answered, statuses ${JSON.stringify(measurement.statusCodes)}, ${measurement.errors} errors, ${measurement.timeouts} timeouts`);
  }
}
