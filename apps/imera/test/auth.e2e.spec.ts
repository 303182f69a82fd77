import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ManualClock } from '@imera/event-sourcing';
import {
  DEFAULT_TOKEN_SETTINGS,
  generateSigningKey,
  loadOrCreateSigningKey,
  Principal,
  SigningKey,
  TokenIssuer,
} from '@imera/auth';
import { memberStateCode } from '@imera/reference-data';
import { AppConfig, AuthModule, CurrentPrincipal, HealthModule, Roles } from '@imera/platform';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';

@Controller('probe')
class ProbeController {
  @Get('whoami')
  whoami(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Roles('crisis-cell', 'commission-analyst')
  @Get('commission-only')
  commissionOnly(): { ok: true } {
    return { ok: true };
  }
}

const desk: Principal = { subject: 'desk-de', role: 'member-state-authority', memberState: memberStateCode('DE') };
const duty: Principal = { subject: 'duty-officer', role: 'crisis-cell' };
const hour = 3600;

describe('authentication over HTTP', () => {
  let dataDir: string;
  let app: NestFastifyApplication;
  let url: string;
  let key: SigningKey;
  const issuer = (settings = DEFAULT_TOKEN_SETTINGS, clock = new ManualClock(new Date())) => new TokenIssuer(key, settings, clock);
  const call = (path: string, token?: string) =>
    fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'imera-auth-e2e-'));
    const config: AppConfig = { host: '127.0.0.1', port: 0, dataDir, eventStore: 'memory' };
    @Module({ imports: [HealthModule, AuthModule.forRoot(config, { env: {} })], controllers: [ProbeController] })
    class ProbeApp {}
    app = await NestFactory.create<NestFastifyApplication>(ProbeApp, new FastifyAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    key = (await loadOrCreateSigningKey(dataDir)).key;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
  });

  it('answers a valid token with 200 and the verified principal', async () => {
    const { token } = await issuer().issue(desk, hour);
    const response = await call('/probe/whoami', token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ subject: 'desk-de', role: 'member-state-authority', memberState: 'DE' });
  });

  it('answers a request without a token with 401, a reason and a bearer challenge', async () => {
    const response = await call('/probe/whoami');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="imera"');
    expect(await response.json()).toMatchObject({ statusCode: 401, reason: 'token-missing' });
  });

  it('answers an expired token with 401 token-expired, without echoing the token', async () => {
    const twoHoursAgo = new ManualClock(new Date(Date.now() - 2 * hour * 1000));
    const { token } = await issuer(DEFAULT_TOKEN_SETTINGS, twoHoursAgo).issue(desk, hour);
    const response = await call('/probe/whoami', token);
    const body = await response.text();
    expect(response.status).toBe(401);
    expect(JSON.parse(body)).toMatchObject({ reason: 'token-expired', message: 'the token has expired' });
    expect(body).not.toContain(token);
    expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
  });

  it('answers a forged token with 401', async () => {
    const forger = new TokenIssuer(await generateSigningKey(), DEFAULT_TOKEN_SETTINGS, new ManualClock(new Date()));
    const { token } = await forger.issue(duty, hour);
    const response = await call('/probe/whoami', token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ reason: 'signing-key-unknown' });
    const [header, payload] = (await issuer().issue(duty, hour)).token.split('.');
    const tampered = `${header}.${payload}.${token.split('.')[2]}`;
    expect(await (await call('/probe/whoami', tampered)).json()).toMatchObject({ reason: 'signature-invalid' });
  });

  it('answers a token for another audience with 401 audience-mismatch', async () => {
    const { token } = await issuer({ ...DEFAULT_TOKEN_SETTINGS, audience: 'another-system' }).issue(duty, hour);
    const response = await call('/probe/whoami', token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ reason: 'audience-mismatch' });
  });

  it('answers a malformed Authorization header with 401', async () => {
    const response = await fetch(`${url}/probe/whoami`, { headers: { authorization: 'Basic ZGVzazpwdw==' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ reason: 'token-malformed' });
  });

  it('answers a role the route does not admit with 403, and an admitted role with 200', async () => {
    const asDesk = await call('/probe/commission-only', (await issuer().issue(desk, hour)).token);
    expect(asDesk.status).toBe(403);
    expect(await asDesk.json()).toMatchObject({ reason: 'role-not-allowed', message: expect.stringMatching(/crisis-cell, commission-analyst/) });
    const asDuty = await call('/probe/commission-only', (await issuer().issue(duty, hour)).token);
    expect(asDuty.status).toBe(200);
  });

  it('answers /health without a token', async () => {
    expect((await call('/health')).status).toBe(200);
  });
});

describe('the all-in-one app module', () => {
  it('creates its signing key in the data directory and keeps /health public', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'imera-auth-app-'));
    const config: AppConfig = { host: '127.0.0.1', port: 0, dataDir, eventStore: 'memory' };
    const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter(), { logger: false });
    try {
      await app.listen(0, '127.0.0.1');
      const url = await app.getUrl();
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect(existsSync(join(dataDir, 'keys', 'token-signing-key.pem'))).toBe(true);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
