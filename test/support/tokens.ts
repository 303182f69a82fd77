import { DEFAULT_TOKEN_SETTINGS, loadOrCreateSigningKey, Principal, TokenIssuer } from '@imera/auth';
import { Clock, systemClock } from '@imera/event-sourcing';

export type TokenFor = (principal: Principal) => Promise<string>;

/** Issues tokens with the data directory's key, as `npm run token` does. */
export async function tokenIssuerFor(dataDir: string, clock: Clock = systemClock): Promise<TokenFor> {
  const { key } = await loadOrCreateSigningKey(dataDir);
  const issuer = new TokenIssuer(key, DEFAULT_TOKEN_SETTINGS, clock);
  return async (principal) => (await issuer.issue(principal, 3600)).token;
}

export const memberState = (code: string, subject = `authority-${code.toLowerCase()}`): Principal =>
  ({ role: 'member-state-authority', memberState: code, subject }) as Principal;
export const analyst: Principal = { role: 'commission-analyst', subject: 'analyst-1' };
export const crisisCell: Principal = { role: 'crisis-cell', subject: 'crisis-cell-1' };
export const councilSecretariat: Principal = { role: 'council-secretariat', subject: 'council-1' };
export const operatorPrincipal = (operatorId: string): Principal => ({ role: 'economic-operator', operatorId, subject: `operator-${operatorId}` });
