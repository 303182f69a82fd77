import { Principal } from '@imera/auth';
import { example } from '../../apps/intake/test/intake-harness';
import { activation, recordScopeModes } from '../../apps/response/test/support/scope-mode-steps';
import { analyst, councilSecretariat, crisisCell, memberState, operatorPrincipal } from '../support/tokens';
import { ACCESS_POLICY, KNOWN_GAPS } from './authorisation/access-policy';
import { AppHarness, Reply } from './support/app-harness';
import { BadToken, badTokens, CALLERS, exerciseRunner } from './support/principals';
import { concreteUrl, discoverRoutes, Route, routeKey } from './support/routes';

const DE = memberState('DE');
const FR = memberState('FR');
const IT = memberState('IT');
const HANAU = operatorPrincipal('DE-magnets-0042');
const LYON = operatorPrincipal('FR-magnets-0007');
const ROME = operatorPrincipal('IT-magnets-0001');
const EXERCISE = exerciseRunner('ex-2026-1');

/**
 * The authorisation matrix: every endpoint x every role (with several Member States and operators), every
 * kind of refused token, and the Member-State rules of filing, reading, deciding, consenting and answering.
 */
describe('authorisation matrix', () => {
  let harness: AppHarness;
  let routes: Route[];
  const cells = { roleGate: 0, tokens: 0, memberState: 0, gapsOpen: 0 };
  const tokens = new Map<Principal, Promise<string>>();
  const send = (method: string, url: string, as: Principal, body?: unknown): Promise<Reply> => {
    if (!tokens.has(as)) tokens.set(as, harness.token(as));
    return tokens.get(as)!.then((token) => harness.request(method, url, { token, body }));
  };

  beforeAll(async () => {
    harness = await AppHarness.start({ now: '2026-06-01T08:00:00Z' });
    routes = discoverRoutes(harness.app);
  }, 60_000);
  afterAll(async () => {
    console.log(
      `authorisation matrix: ${cells.roleGate + cells.tokens + cells.memberState} cells checked ` +
        `(${cells.roleGate} endpoint x role, ${cells.tokens} endpoint x refused token, ${cells.memberState} Member-State and operator rules) ` +
        `over ${routes?.length ?? 0} endpoints; ${cells.gapsOpen} known gaps still open`,
    );
    await harness?.stop();
  });

  it('has a policy row for every endpoint, and no row for an endpoint that does not exist', () => {
    const keys = routes.map(routeKey);
    expect(keys.filter((key) => !(key in ACCESS_POLICY))).toEqual([]);
    expect(Object.keys(ACCESS_POLICY).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('admits exactly the roles of the policy on every endpoint (403 role-not-allowed for the others)', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const policy = ACCESS_POLICY[routeKey(route)];
      if (policy === undefined || policy === 'public') continue;
      for (const { label, principal } of CALLERS) {
        const reply = await send(route.method, concreteUrl(route.path), principal, route.method === 'GET' ? undefined : {});
        cells.roleGate++;
        const refusedByRole = reply.status === 403 && reply.body?.reason === 'role-not-allowed';
        const gap = KNOWN_GAPS.some((known) => known.route === routeKey(route) && known.role === principal.role);
        const allowed = policy.includes(principal.role) || gap;
        if (gap && !refusedByRole) cells.gapsOpen++;
        if (reply.status >= 500) failures.push(`${routeKey(route)} as ${label}: ${reply.status} ${reply.text}`);
        else if (reply.status === 401) failures.push(`${routeKey(route)} as ${label}: token refused (${reply.text})`);
        else if (allowed === refusedByRole) failures.push(`${routeKey(route)} as ${label}: ${allowed ? 'refused' : 'admitted'} (${reply.status} ${reply.text.slice(0, 160)})`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses every missing, expired, forged or misdirected token on every endpoint that is not public, saying why', async () => {
    const refused: BadToken[] = await badTokens(harness.dataDir, harness.clock.now());
    const failures: string[] = [];
    for (const route of routes.filter((candidate) => ACCESS_POLICY[routeKey(candidate)] !== 'public')) {
      const url = concreteUrl(route.path);
      const missing = await harness.request(route.method, url, { body: route.method === 'GET' ? undefined : {} });
      cells.tokens++;
      if (missing.status !== 401 || missing.body?.reason !== 'token-missing' || !missing.headers.get('www-authenticate')) {
        failures.push(`${routeKey(route)} without a token: ${missing.status} ${missing.text}`);
      }
      for (const bad of refused) {
        const reply = await harness.request(route.method, url, { token: bad.token, body: route.method === 'GET' ? undefined : {} });
        cells.tokens++;
        if (reply.status !== 401 || !new RegExp(`^(${bad.reason})$`).test(reply.body?.reason) || reply.text.includes(bad.token)) {
          failures.push(`${routeKey(route)} with a token ${bad.label}: ${reply.status} ${reply.text.slice(0, 160)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('still has every known gap open (close the gap, then remove its entry)', () => {
    expect(cells.gapsOpen).toBe(KNOWN_GAPS.length * CALLERS.filter(({ principal }) => principal.role === 'exercise-runner').length);
  });

  describe('Member-State and operator rules', () => {
    const notification = example<Record<string, any>>('file-notification');
    const openNotification = { ...notification, notificationId: '7a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b', confidential: false, description: 'Open filing, shared with all Member States.' };
    const secret = notification.description as string;
    const ir = example<{ requestId: string }>('issue-information-request');
    const prr = example<{ prrId: string }>('propose-priority-rated-request');
    const round = example<{ roundId: string }>('open-distribution-round');

    /** One rule, checked for each caller: the status it must get, and text it must not see. */
    async function cell(method: string, url: string, expectations: Array<[Principal, number]>, body?: unknown, hidden?: string): Promise<void> {
      for (const [principal, status] of expectations) {
        const reply = await send(method, url, principal, body);
        cells.memberState++;
        expect({ url, as: principal.subject, status: reply.status }).toEqual({ url, as: principal.subject, status });
        if (hidden && reply.status < 300) expect({ url, as: principal.subject, leaked: reply.text.includes(hidden) }).toEqual({ url, as: principal.subject, leaked: false });
      }
    }

    it('a Member State files only for itself', async () => {
      await cell('POST', '/api/v1/notifications', [[FR, 403], [IT, 403], [DE, 201]], notification);
      await cell('POST', '/api/v1/notifications', [[DE, 201]], openNotification);
    });

    it('a confidential filing exists only for its Member State and the Commission', async () => {
      const url = `/api/v1/notifications/${notification.notificationId}`;
      await cell('GET', url, [[DE, 200], [analyst, 200], [crisisCell, 200]]);
      await cell('GET', url, [[FR, 404], [IT, 404], [councilSecretariat, 403], [HANAU, 403], [EXERCISE, 403]], undefined, secret);
      await cell('GET', `/api/v1/audit/notifications/${notification.notificationId}`, [[analyst, 200], [DE, 403], [FR, 403]]);
      await cell('GET', `/api/v1/notifications/${openNotification.notificationId}`, [[FR, 200], [IT, 200]]);
    });

    it("lists show a Member State its own filings only, and never another's confidential text", async () => {
      await cell('GET', '/api/v1/notifications', [[FR, 200], [IT, 200]], undefined, secret);
      await cell('GET', '/api/v1/notifications', [[FR, 200]], undefined, openNotification.description);
      const all = await send('GET', '/api/v1/notifications', analyst);
      cells.memberState++;
      expect(all.body.notifications.map((n: any) => n.notificationId).sort()).toEqual([notification.notificationId, openNotification.notificationId].sort());
    });

    it('only the filing Member State follows up its notification', async () => {
      const followUp = { impact: notification.impact, description: 'Licences granted for half of the volume.' };
      await cell('POST', `/api/v1/notifications/${notification.notificationId}/updates`, [[FR, 404], [IT, 404]], followUp);
      await cell('POST', `/api/v1/notifications/${openNotification.notificationId}/updates`, [[FR, 403]], followUp);
      await cell('POST', `/api/v1/notifications/${notification.notificationId}/updates`, [[DE, 201]], followUp);
    });

    it('the Commission decides on information requests; only an addressed operator answers, for itself', async () => {
      await recordScopeModes(harness.store, 'rare-earth-magnets', activation('rare-earth-magnets', 'emergency', ['sintered NdFeB magnets', 'dysprosium oxide'], '2026-06-01T08:00:00.000Z', '2026-11-30T07:00:00.000Z'));
      await cell('POST', '/api/v1/information-requests', [[DE, 403], [HANAU, 403], [councilSecretariat, 403], [crisisCell, 201]], example('issue-information-request'));
      const answers = `/api/v1/information-requests/${ir.requestId}/answers`;
      const answer = example<Record<string, unknown>>('answer-information-request');
      await cell('POST', answers, [[LYON, 403], [DE, 403], [HANAU, 201]], answer);
      await cell('POST', answers, [[ROME, 404]], { ...answer, operatorId: 'IT-magnets-0001' });
      const read = `/api/v1/information-requests/${ir.requestId}`;
      await cell('GET', read, [[FR, 200], [LYON, 200]], undefined, 'three weeks');
      await cell('GET', read, [[IT, 404], [ROME, 404], [DE, 200], [HANAU, 200]]);
    });

    it('the host Member State consents, the Commission issues, the addressed operator answers', async () => {
      await cell('POST', '/api/v1/priority-rated-requests', [[crisisCell, 403], [FR, 201]], example('propose-priority-rated-request'));
      const base = `/api/v1/priority-rated-requests/${prr.prrId}`;
      await cell('GET', base, [[HANAU, 404], [IT, 404]], undefined, 'Generator repairs');
      await cell('POST', `${base}/host-consent`, [[FR, 403], [IT, 404], [DE, 201]], example('host-consent'));
      await cell('POST', `${base}/issue`, [[DE, 403], [HANAU, 403], [crisisCell, 201]], example('issue-priority-rated-request'));
      await cell('POST', `${base}/acceptance`, [[LYON, 404], [HANAU, 201]], example('accept-priority-rated-request'));
    });

    it('each Member State reports its own stocks only', async () => {
      await cell('POST', '/api/v1/stock-distributions', [[DE, 403], [crisisCell, 201]], example('open-distribution-round'));
      const reports = `/api/v1/stock-distributions/${round.roundId}/stock-reports`;
      await cell('POST', reports, [[FR, 403], [IT, 403], [DE, 201]], example('report-stocks'));
    });
  });
});
