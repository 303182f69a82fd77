import { DEFAULT_TOKEN_SETTINGS, loadOrCreateSigningKey, Principal, TokenIssuer } from '@imera/auth';
import { systemClock } from '@imera/event-sourcing';

/**
 * Bearer tokens signed with the data directory's key, as `npm run token` issues them. Each Member State
 * gets several authorities (subjects), so the per-caller rate limit stays on and is not what is measured.
 */
export class Callers {
  private constructor(private readonly tokens: ReadonlyMap<string, readonly string[]>, readonly analystToken: string) {}

  static async forDataDir(dataDir: string, memberStates: readonly string[], authoritiesPerState: number): Promise<Callers> {
    const { key } = await loadOrCreateSigningKey(dataDir);
    const issuer = new TokenIssuer(key, DEFAULT_TOKEN_SETTINGS, systemClock);
    const issue = async (principal: Principal) => (await issuer.issue(principal, 3_600)).token;
    const tokens = new Map<string, string[]>();
    for (const code of memberStates) {
      const subjects = Array.from({ length: authoritiesPerState }, (_, index) => `bench-authority-${code.toLowerCase()}-${index}`);
      tokens.set(code, await Promise.all(subjects.map((subject) => issue({ role: 'member-state-authority', memberState: code, subject } as Principal))));
    }
    return new Callers(tokens, await issue({ role: 'commission-analyst', subject: 'bench-analyst' }));
  }

  /** The `n`th authority of a Member State (round robin). */
  authority(memberState: string, n: number): string {
    const tokens = this.tokens.get(memberState);
    if (!tokens) throw new Error(`No tokens for ${memberState}`);
    return tokens[n % tokens.length];
  }
}
