import { AssessedLevel, CouncilAct, EscalatedMode, ImeraMode, ProposalGrounds, ProposalKind, ScopeModeStatus } from '@imera/domain/imera-modes';
import { NotificationSeverity, ScopeIndicatorName } from '@imera/domain/supply-indicators';

/** The headline value of every scope indicator the escalation policy watches. */
export type HeadlineValues = Readonly<Record<ScopeIndicatorName, number | null>>;

interface ChangeBase {
  /** Global position of the event behind the change: the id a live client resumes after. */
  readonly position: number;
  readonly eventId: string;
  readonly eventType: string;
  /** When the event was recorded. */
  readonly at: string;
}

/** A scope's headline indicators moved. */
export interface IndicatorsChanged extends ChangeBase {
  readonly kind: 'indicators-changed';
  readonly scopeId: string;
  readonly asOf: string;
  readonly values: HeadlineValues;
  readonly previous: HeadlineValues | null;
  /** Highest level whose enter thresholds are reached, and highest level not yet recovered from. */
  readonly reached: AssessedLevel;
  readonly holding: AssessedLevel;
}

/** A mode was activated, extended, deactivated or expired. */
export interface ModeChanged extends ChangeBase {
  readonly kind: 'mode-changed';
  readonly scopeId: string;
  readonly previousStatus: ScopeModeStatus;
  readonly status: ScopeModeStatus;
  readonly mode: ImeraMode;
  readonly activeSince?: string;
  readonly activeUntil?: string;
  readonly act?: CouncilAct;
}

/** A proposal was made or lapsed. */
export interface ProposalChanged extends ChangeBase {
  readonly kind: 'proposal';
  readonly scopeId: string;
  readonly proposalId: string;
  readonly proposalKind: ProposalKind;
  readonly mode: EscalatedMode;
  readonly status: 'open' | 'lapsed';
  readonly reason?: string;
  readonly supersedesProposalId?: string;
  readonly grounds?: ProposalGrounds;
}

/** An operator notification was filed, updated or resolved: never with the operator's details. */
export interface NotificationChanged extends ChangeBase {
  readonly kind: 'notification';
  readonly notificationId: string;
  readonly memberState: string;
  readonly confidential: boolean;
  readonly material: string;
  readonly status: 'filed' | 'updated' | 'resolved';
  readonly severity?: NotificationSeverity;
  readonly disruptionType?: string;
  readonly scopeIds: readonly string[];
}

export interface ExportControlChanged extends ChangeBase {
  readonly kind: 'export-control';
  readonly measureId: string;
  readonly scopeIds: readonly string[];
}

/** A response instrument recorded something that names the scope. */
export interface InstrumentRecorded extends ChangeBase {
  readonly kind: 'instrument';
  readonly scopeId: string;
  readonly streamName: string;
}

export type MonitorChange =
  | IndicatorsChanged
  | ModeChanged
  | ProposalChanged
  | NotificationChanged
  | ExportControlChanged
  | InstrumentRecorded;
