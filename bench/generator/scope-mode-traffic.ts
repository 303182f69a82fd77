import { EscalatedMode, ProposalGrounds, SCOPE_MODE_SCHEMA_VERSION, ScopeModeEvent, scopeStream } from '@imera/domain/imera-modes';
import { EventSink, SyntheticAppend } from './event-sink';

interface ScopeCycle {
  readonly scopeId: string;
  step: number;
  proposalId: string;
  vigilanceUntil: string;
}

const POLICY = 'system:escalation-policy';
const COUNCIL = 'user:council-secretariat-1';
const MONTH_DAYS = 30;

/**
 * The IMERA mode decisions of each crisis scope, cycling through proposals, Council acts (IMERA Art 14-15,
 * 17-18), an extension, deactivations and, now and then, a lapsed proposal.
 */
export class ScopeModeTraffic {
  private readonly cycles: ScopeCycle[];
  private acts = 0;

  constructor(private readonly sink: EventSink, scopeIds: readonly string[]) {
    this.cycles = scopeIds.map((scopeId) => ({ scopeId, step: 0, proposalId: '', vigilanceUntil: '' }));
  }

  next(): SyntheticAppend {
    const cycle = this.sink.random.pick(this.cycles);
    const event = this.step(cycle);
    const actor = event.type.endsWith('Proposed') || event.type === 'ModeProposalLapsed' ? POLICY : COUNCIL;
    return this.sink.emit(scopeStream(cycle.scopeId), event, SCOPE_MODE_SCHEMA_VERSION, actor);
  }

  private step(cycle: ScopeCycle): ScopeModeEvent {
    const { scopeId } = cycle;
    const now = this.sink.now;
    const at = cycle.step;
    cycle.step = (cycle.step + 1) % 10;
    switch (at) {
      case 0:
        cycle.proposalId = `${scopeId}.vigilance.${now}`;
        return { type: 'VigilanceModeProposed', data: { scopeId, proposalId: cycle.proposalId, proposedAt: now, grounds: this.grounds('vigilance') } };
      case 1:
        if (this.sink.random.chance(0.2)) {
          cycle.step = 0;
          return { type: 'ModeProposalLapsed', data: { scopeId, proposalId: cycle.proposalId, kind: 'activation', mode: 'vigilance', reason: 'indicators-recovered', lapsedAt: now, grounds: this.grounds('vigilance') } };
        }
        cycle.vigilanceUntil = `${this.sink.dateIn(6 * MONTH_DAYS)}T00:00:00.000Z`;
        return { type: 'VigilanceModeActivated', data: { scopeId, proposalId: cycle.proposalId, act: this.act(), period: { from: now, until: cycle.vigilanceUntil }, goodsOfCriticalImportance: this.goods(), recordedAt: now } };
      case 2:
        cycle.proposalId = `${scopeId}.vigilance-extension.${now}`;
        return { type: 'ModeExtensionProposed', data: { scopeId, proposalId: cycle.proposalId, proposedAt: now, mode: 'vigilance', currentUntil: cycle.vigilanceUntil, grounds: this.grounds('vigilance') } };
      case 3: {
        const previousUntil = cycle.vigilanceUntil;
        cycle.vigilanceUntil = `${this.sink.dateIn(6 * MONTH_DAYS)}T00:00:00.000Z`;
        return { type: 'VigilanceModeExtended', data: { scopeId, proposalId: cycle.proposalId, act: this.act(), previousUntil, until: cycle.vigilanceUntil, goodsOfCriticalImportance: this.goods(), recordedAt: now } };
      }
      case 4:
        cycle.proposalId = `${scopeId}.emergency.${now}`;
        return { type: 'EmergencyModeProposed', data: { scopeId, proposalId: cycle.proposalId, proposedAt: now, grounds: this.grounds('emergency') } };
      case 5:
        return { type: 'EmergencyModeActivated', data: { scopeId, proposalId: cycle.proposalId, act: this.act(), period: { from: now, until: `${this.sink.dateIn(3 * MONTH_DAYS)}T00:00:00.000Z` }, crisisRelevantGoods: this.goods(), recordedAt: now } };
      case 6:
      case 8: {
        const mode: EscalatedMode = at === 6 ? 'emergency' : 'vigilance';
        cycle.proposalId = `${scopeId}.${mode}-deactivation.${now}`;
        return { type: 'ModeDeactivationProposed', data: { scopeId, proposalId: cycle.proposalId, proposedAt: now, mode, grounds: this.grounds(mode) } };
      }
      case 7:
        return { type: 'EmergencyModeDeactivated', data: { scopeId, proposalId: cycle.proposalId, act: this.act(), deactivatedAt: now } };
      default:
        return { type: 'VigilanceModeDeactivated', data: { scopeId, proposalId: cycle.proposalId, act: this.act(), deactivatedAt: now } };
    }
  }

  private grounds(mode: EscalatedMode): ProposalGrounds {
    const random = this.sink.random;
    return {
      policyRef: 'default-policy@1',
      rationale: `2 of 5 ${mode} triggers reached their enter values: worstShareOfSupplyUnderControls, significantNotifications`,
      indicatorsAsOf: this.sink.now,
      indicators: [
        { indicator: 'worstShareOfSupplyUnderControls', value: random.decimal(0.2, 0.9, 3), direction: 'above', threshold: 0.25, met: true, material: 'heavy-rare-earth-elements' },
        { indicator: 'significantNotifications', value: random.int(2, 40), direction: 'above', threshold: 2, met: true },
        { indicator: 'lowestDaysOfStockCover', value: null, direction: 'below', threshold: 60, met: false, material: null },
      ],
      evidence: [],
    };
  }

  private act() {
    const year = this.sink.now.slice(0, 4);
    return { reference: `Council Implementing Decision (EU) ${year}/${1000 + ++this.acts}`, adoptedOn: this.sink.dateIn(0), simulated: false };
  }

  private goods(): string[] {
    return ['sintered NdFeB permanent magnets', 'rare-earth oxides for magnet production', 'dysprosium and terbium metal'];
  }
}
