import { performance } from 'node:perf_hooks';
import { Callers } from '../http/callers';
import { MEMBER_STATES, NotificationRequests } from '../ingestion/notification-requests';
import { LatencySummary, summariseLatencies } from '../report/latency';
import { ScopeChangeListener } from './scope-change-listener';

/** A material of the rare-earth magnets scope: each filing moves that scope's indicators. */
const PROBE_MATERIAL = 'dysprosium';
const ARRIVAL_TIMEOUT_MS = 30_000;
/** Between two probes, so each finds the system idle. */
export const PAUSE_BETWEEN_PROBES_MS = 20;

export interface LiveLatencyMeasurement {
  readonly probes: number;
  readonly latency: LatencySummary;
  /** From sending the filing to the change on the stream: what the filer's screen and the dashboard differ by. */
  readonly fromRequest: LatencySummary;
  /** Changes that were on the stream before the 2xx reached the caller (counted as 0 ms). */
  readonly arrivedBeforeAnswer: number;
  readonly kinds: Readonly<Record<string, number>>;
  readonly answers: Readonly<Record<string, number>>;
}

/**
 * Files one notification at a time (after a pause, so each finds the system idle) and times from its 2xx
 * answer to the first scope change it caused arriving on the live stream of a Commission analyst.
 */
export async function probeLiveLatency(baseUrl: string, callers: Callers, filings: NotificationRequests, probes: number, pauseMs: number): Promise<LiveLatencyMeasurement> {
  const listener = await ScopeChangeListener.connect(baseUrl, callers.analystToken);
  const samples: number[] = [];
  const fromRequest: number[] = [];
  const kinds: Record<string, number> = {};
  const answers: Record<string, number> = {};
  let early = 0;
  try {
    for (let probe = 0; probe < probes; probe++) {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const filing = filings.next(PROBE_MATERIAL);
      const sentAt = performance.now();
      const response = await fetch(`${baseUrl}/api/v1/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${callers.authority(filing.memberState, probe)}` },
        body: filing.body,
      });
      const answer = (await response.json()) as { events?: Array<{ id: string }> };
      const answeredAt = performance.now();
      answers[response.status] = (answers[response.status] ?? 0) + 1;
      const eventId = answer.events?.[0]?.id;
      if (!response.ok || !eventId) throw new Error(`Probe filing answered ${response.status}: ${JSON.stringify(answer)}`);
      const arrival = await listener.arrivalOf(eventId, ARRIVAL_TIMEOUT_MS);
      kinds[arrival.kind] = (kinds[arrival.kind] ?? 0) + 1;
      if (arrival.at < answeredAt) early++;
      samples.push(Math.max(0, arrival.at - answeredAt));
      fromRequest.push(arrival.at - sentAt);
    }
  } finally {
    await listener.close();
  }
  return { probes, latency: summariseLatencies(samples), fromRequest: summariseLatencies(fromRequest), arrivedBeforeAnswer: early, kinds, answers };
}

/** Probes a running app on `dataDir` (whose signing key issues the callers' tokens) with filings of a seed. */
export async function probeAppOn(baseUrl: string, dataDir: string, seed: number, probes: number): Promise<LiveLatencyMeasurement> {
  const callers = await Callers.forDataDir(dataDir, MEMBER_STATES, 2);
  return probeLiveLatency(baseUrl, callers, new NotificationRequests(seed), probes, PAUSE_BETWEEN_PROBES_MS);
}
