import { Role } from '@imera/auth';

/**
 * Who may read scopes and their live stream: aggregates for the Member States, the Commission and the
 * Council secretariat; no operators, and no exercise tokens (an exercise never reaches live data).
 */
export const SCOPE_READERS: [Role, ...Role[]] = ['member-state-authority', 'commission-analyst', 'crisis-cell', 'council-secretariat'];
