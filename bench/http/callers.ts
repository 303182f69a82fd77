import { memberState, tokenIssuerFor } from '../../test/support/tokens';

/**
 * Bearer tokens signed with the data directory's key, as `npm run token` issues them. Each Member State
 * gets several authorities (subjects), so the per-caller rate limit stays on and is not what is measured.
 */
export class Callers {
  private constructor(private readonly tokens: ReadonlyMap<string, readonly string[]>, readonly analystToken: string) {}

  static async forDataDir(dataDir: string, memberStates: readonly string[], authoritiesPerState: number): Promise<Callers> {
    const issue = await tokenIssuerFor(dataDir);
    const tokens = new Map<string, string[]>();
    for (const code of memberStates) {
      const subjects = Array.from({ length: authoritiesPerState }, (_, index) => `bench-authority-${code.toLowerCase()}-${index}`);
      tokens.set(code, await Promise.all(subjects.map((subject) => issue(memberState(code, subject)))));
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
