import { Principal } from '@imera/auth';
import { redactFor } from './confidentiality';

const france = { role: 'member-state-authority', memberState: 'FR', subject: 'authority-fr' } as Principal;
const analyst: Principal = { role: 'commission-analyst', subject: 'analyst-1' };
const filings: Record<string, { memberState: string; confidential: boolean }> = {
  de: { memberState: 'DE', confidential: true },
  fr: { memberState: 'FR', confidential: true },
  open: { memberState: 'IT', confidential: false },
};
const ref = (streamName: string, position: number) => ({ eventId: `e${position}`, globalPosition: position, streamName, type: 'T' });
const view = {
  evidence: [ref('notification-de', 1), ref('notification-fr', 2), ref('notification-open', 3), ref('strategicStock-DE-gallium', 4), ref('strategicStock-FR-gallium', 5), ref('exportControl-cn-1', 6)],
  nested: { deep: [{ grounds: { evidence: [ref('notification-de', 1)] } }] },
};

describe('confidentiality of scope views', () => {
  it("hides where another Member State's confidential filings and stock reports come from, keeping position and type", () => {
    const seen = redactFor(france, view, (id) => filings[id]);
    expect(seen.evidence.map((item: any) => item.streamName)).toEqual(['notification', 'notification-fr', 'notification-open', 'strategicStock', 'strategicStock-FR-gallium', 'exportControl-cn-1']);
    expect(seen.evidence[0]).toEqual({ globalPosition: 1, type: 'T', streamName: 'notification', redacted: 'confidential to another Member State' });
    expect(JSON.stringify(seen.nested)).not.toContain('notification-de');
  });

  it('shows the Commission everything, unchanged', () => {
    expect(redactFor(analyst, view, (id) => filings[id])).toBe(view);
  });
});
