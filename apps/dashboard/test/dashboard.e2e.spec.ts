import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { Principal } from '@imera/auth';
import { buildToTemp } from '../../../test/support/compiled';
import { analyst, councilSecretariat, crisisCell, memberState, tokenIssuerFor, TokenFor } from '../../../test/support/tokens';
import { launchBrowser, openDashboard, signIn } from './support/browser';
import { hasAttribute, hasCount, lacksAttributeValue, showsText } from './support/page-expectations';
import { DashboardSystem } from './support/dashboard-system';
import { Filing, MAGNETS, Scenario } from './support/scenario';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..', '..');
const germany = memberState('DE');
const france = memberState('FR');

/**
 * The dashboard in Debian's headless Chromium against the compiled all-in-one system in a child process.
 * The tests run in order on one system: each builds on what the previous ones recorded.
 */
describe('crisis cell dashboard in a browser', () => {
  let buildDir: string;
  let dataDir: string;
  let system: DashboardSystem;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let tokenFor: TokenFor;
  let scenario: Scenario;
  let cell: { page: Page; errors: string[] };
  const germanFilings: Filing[] = [];

  const card = (page: Page, scopeId: string) => page.locator(`.scope-card[data-scope-id="${scopeId}"]`);
  const badgeOf = (page: Page, scopeId: string) => card(page, scopeId).locator('.mode-badge');
  const activity = (page: Page) => page.locator('.activity');

  beforeAll(async () => {
    buildDir = buildToTemp();
    dataDir = mkdtempSync(join(tmpdir(), 'imera-dashboard-'));
    tokenFor = await tokenIssuerFor(dataDir);
    system = await DashboardSystem.start(buildDir, dataDir);
    scenario = new Scenario(() => system.url, tokenFor);
    await scenario.seedExportControls(analyst);
    // April 2025's licensing of heavy rare earths puts half of the magnet supply under control: the
    // escalation policy proposes vigilance by itself.
    await scenario.until(analyst, (scope) => scope.status === 'vigilance-proposed', 'the vigilance proposal');
    browser = await launchBrowser();
    context = browser.context;
    // On a fresh machine the browser is installed first.
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
  });

  it('asks for a token, refuses a bad one, then shows every seeded scope with its mode', async () => {
    cell = await openDashboard(context, system.url);
    await signInRefused(cell.page);
    await signIn(cell.page, await tokenFor(crisisCell));

    await hasCount(cell.page.locator('.scope-card'), 3);
    for (const name of ['Rare-earth permanent magnets', 'Battery raw materials', 'Defence-related raw materials']) {
      await cell.page.getByRole('button', { name: new RegExp(name) }).waitFor({ timeout: 15_000 });
    }
    await hasAttribute(badgeOf(cell.page, MAGNETS), 'data-status', 'vigilance-proposed');
    await showsText(badgeOf(cell.page, MAGNETS), 'Vigilance proposed');

    // Keyboard only: another scope opens with Enter, and back.
    await card(cell.page, 'battery-raw-materials').focus();
    await cell.page.keyboard.press('Enter');
    await showsText(cell.page.locator('#scope-title'), 'Battery raw materials');
    await card(cell.page, MAGNETS).focus();
    await cell.page.keyboard.press('Enter');
    await showsText(cell.page.locator('#scope-title'), 'Rare-earth permanent magnets');
    await hasAttribute(card(cell.page, MAGNETS), 'aria-pressed', 'true');

    const detail = cell.page.locator('.scope-detail');
    await showsText(detail.locator('.proposal-open'), 'vigilance activation');
    await showsText(detail.locator('tr[data-indicator="worstShareOfSupplyUnderControls"] .indicator-value'), '50 %');
    await hasCount(detail.locator('tr[data-indicator="worstShareOfSupplyUnderControls"] svg.sparkline'), 1);
    await hasCount(detail.locator('.timeline [data-event-type="VigilanceModeProposed"]'), 1);
    await hasAttribute(cell.page.locator('[data-connection]'), 'data-connection', 'live');
    expect(cell.errors).toEqual([]);
  });

  it('shows a new notification and a Council decision as they are recorded, without reloading', async () => {
    await markDocument(cell.page);
    const filing = await scenario.fileNotification('DE');
    germanFilings.push(filing);
    await showsText(activity(cell.page).locator('[data-kind="notification"]').first(), 'Notification filed: dysprosium');
    await hasCount(cell.page.locator(`.filings [data-notification-id="${filing.notificationId}"]`), 1);

    await scenario.adoptOpenProposal(councilSecretariat, analyst, 'vigilance', 6);
    await hasAttribute(badgeOf(cell.page, MAGNETS), 'data-status', 'vigilance-active');
    await showsText(card(cell.page, MAGNETS).locator('.days-left'), 'days left');
    await showsText(activity(cell.page).locator('[data-kind="mode-changed"]').first(), 'Vigilance mode active');
    await showsText(cell.page.locator('.scope-detail .mode-panel'), 'Council Implementing Decision activating vigilance mode');
    expect(await sameDocument(cell.page)).toBe(true);
  });

  it('reconnects by itself after the server restarts and catches up on what it missed', async () => {
    // While the server restarts and for a while after, the page cannot reach the stream; a filing is
    // recorded in that gap.
    await cell.page.route('**/api/v1/stream', (route) => route.abort('connectionrefused'));
    await system.restart();
    await lacksAttributeValue(cell.page.locator('[data-connection]'), 'data-connection', 'live');
    const missed = await scenario.fileNotification('DE');
    germanFilings.push(missed);

    await cell.page.unroute('**/api/v1/stream');
    await hasAttribute(cell.page.locator('[data-connection]'), 'data-connection', 'live', 30_000);
    await hasCount(cell.page.locator(`.filings [data-notification-id="${missed.notificationId}"]`), 1);
    await hasAttribute(badgeOf(cell.page, MAGNETS), 'data-status', /^(vigilance|emergency)-/);

    // And it follows live again.
    const after = await scenario.fileNotification('DE');
    germanFilings.push(after);
    await hasCount(cell.page.locator(`.filings [data-notification-id="${after.notificationId}"]`), 1);
    expect(await sameDocument(cell.page)).toBe(true);
    expect(cell.errors).toEqual([]);
  });

  it("shows a Member State authority its own filings and the aggregates, never another Member State's confidential details", async () => {
    const own = await scenario.fileNotification('FR');
    const paris = await openDashboard(context, system.url);
    await signIn(paris.page, await tokenFor(france));
    await hasCount(paris.page.locator('.scope-card'), 3);
    await showsText(paris.page.locator('.view-note'), 'Member State view (FR)');
    await showsText(paris.page.locator('#filings-title'), 'Filings of FR');
    await hasCount(paris.page.locator(`.filings [data-notification-id="${own.notificationId}"]`), 1);
    await showsText(paris.page.locator('.scope-detail tr[data-indicator="operatorsAffected"] .indicator-value'), /^[1-9]/);

    // A German confidential filing made while the French page is open arrives anonymised.
    const live = await scenario.fileNotification('DE');
    germanFilings.push(live);
    await showsText(activity(paris.page).locator('[data-kind="notification"]'), 'Confidential filing of another Member State');
    await hasCount(paris.page.locator('.scope-detail .redacted').first(), 1);

    const html = await paris.page.content();
    for (const filing of germanFilings) {
      expect(html).not.toContain(filing.notificationId);
      expect(html).not.toContain(filing.operatorName);
      expect(html).not.toContain(filing.description);
    }
    expect(await paris.page.locator('.filings [data-notification-id]').count()).toBe(1);
    // The evidence panel refuses another Member State's confidential record as if it did not exist.
    await paris.page.goto(`${system.url}/#evidence=${encodeURIComponent(`/api/v1/notifications/${live.notificationId}`)}`);
    await showsText(paris.page.locator('.evidence-dialog'), 'Not found, or not visible to your role');

    // The filing Member State sees its own.
    const berlin = await openDashboard(context, system.url);
    await signIn(berlin.page, await tokenFor(germany));
    await hasCount(berlin.page.locator(`.filings [data-notification-id="${live.notificationId}"]`), 1);
    expect([...paris.errors, ...berlin.errors]).toEqual([]);
    await Promise.all([paris.page.close(), berlin.page.close()]);
  });

  it("switches to an exercise's namespace, marked as an exercise, and back to live data", async () => {
    const page = cell.page;
    await page.getByLabel('Exercise id').fill('stress-test-2026');
    await page.getByRole('button', { name: 'View exercise' }).click();
    await showsText(page.locator('.exercise-banner').first(), 'EXERCISE stress-test-2026: not live data');
    expect(await page.title()).toMatch(/^EXERCISE stress-test-2026/);
    // This server runs no exercise: nothing live is shown under the exercise banner.
    await showsText(page.locator('.notice'), 'Crisis scopes unavailable');
    await hasCount(page.locator('.scope-card'), 0);

    await page.getByRole('button', { name: 'Live data' }).click();
    await hasCount(page.locator('.exercise-banner'), 0);
    await hasCount(page.locator('.scope-card'), 3);
  });

  it('shows a scripted emergency with the instruments under way and their deadlines', async () => {
    for (const state of ['IT', 'ES', 'PL']) await scenario.fileNotification(state);
    await scenario.adoptOpenProposal(councilSecretariat, analyst, 'emergency', 3);
    await scenario.issueInformationRequest(crisisCell);
    await scenario.openDistributionRound(crisisCell);

    const page = cell.page;
    await hasAttribute(badgeOf(page, MAGNETS), 'data-status', 'emergency-active');
    await card(page, MAGNETS).click();
    const instruments = page.locator('.scope-detail table.instruments');
    await showsText(instruments.locator('tr[data-instrument="information-request"]'), 'answers due');
    await hasCount(instruments.locator('tr[data-instrument="stock-distribution"]'), 1);
    await showsText(page.locator('.scope-detail .mode-panel'), 'Crisis-relevant goods');
    await hasCount(page.locator('.scope-detail .timeline [data-event-type="EmergencyModeActivated"]'), 1);

    const shot = resolve(ROOT, process.env.DASHBOARD_SCREENSHOT ?? join('.tmp', 'dashboard-emergency.png'));
    mkdirSync(dirname(shot), { recursive: true });
    // What a crisis-cell officer sees on a laptop screen.
    await page.screenshot({ path: shot });
    expect(cell.errors).toEqual([]);
  });

  it("signs an exercise runner in to its exercise: the exercise's scopes under the exercise banner, never live data", async () => {
    const drill = { role: 'exercise-runner', subject: 'runner-dashboard-drill', exerciseId: 'dashboard-drill' } as Principal;
    const fixture = JSON.parse(readFileSync(join(ROOT, 'apps', 'exercises', 'test', 'fixtures', 'small-rare-earth-controls.json'), 'utf8'));
    expect((await scenario.request('POST', '/api/v1/exercises', drill, fixture)).status).toBe(201);

    const runner = await openDashboard(context, system.url);
    await signIn(runner.page, await tokenFor(drill));
    await showsText(runner.page.locator('.exercise-banner').first(), 'EXERCISE dashboard-drill: not live data');
    expect(await runner.page.title()).toMatch(/^EXERCISE dashboard-drill/);
    await hasCount(runner.page.locator('.scope-card'), 3);
    // The drill ends in vigilance (adopted by the simulated Council); live data is in emergency by now.
    await hasAttribute(badgeOf(runner.page, MAGNETS), 'data-status', 'vigilance-active');
    await hasAttribute(badgeOf(cell.page, MAGNETS), 'data-status', 'emergency-active');
    await hasAttribute(runner.page.locator('[data-connection]'), 'data-connection', 'live');
    // An evidence link, written as the record's live path, opens the exercise's record.
    await runner.page.goto(`${system.url}/#evidence=${encodeURIComponent('/api/v1/export-controls/cn-mofcom-2025-18')}`);
    await showsText(runner.page.locator('.evidence-dialog .evidence-body'), 'MOFCOM');
    expect(runner.errors).toEqual([]);
    await runner.page.close();
  });
});

async function signInRefused(page: Page): Promise<void> {
  await page.getByLabel('Bearer token').fill('not-a-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'The server refused this token' }).waitFor({ timeout: 15_000 });
}

/** Marks the document, to tell later that the page was updated in place rather than reloaded. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as { dashboardTest: boolean }).dashboardTest = true));
}

async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as { dashboardTest?: boolean }).dashboardTest === true);
}
