import { Event } from '@imera/event-sourcing';

export const EXPORT_CONTROL_TYPES = [
  'licence-requirement',
  'export-ban',
  'extraterritorial-control',
  'technology-control',
  'quota',
] as const;
export type ExportControlType = (typeof EXPORT_CONTROL_TYPES)[number];

/** A third-country export-control measure as announced (e.g. a MOFCOM/GAC announcement). */
export type ExportControlRecorded = Event<
  'ExportControlRecorded',
  {
    readonly measureId: string;
    /** Issuing country, ISO 3166-1 alpha-2 (CN for China). */
    readonly country: string;
    readonly issuingAuthority: string;
    /** The official reference, e.g. "MOFCOM/GAC Announcement No. 18 of 2025". */
    readonly reference: string;
    readonly announcedOn: string;
    readonly effectiveFrom: string;
    readonly type: ExportControlType;
    /** Raw-material codes from the reference data. */
    readonly materials: readonly string[];
    /** "all" or a list of destination country codes. */
    readonly destinations: 'all' | readonly string[];
    /** For extraterritorial controls: the share of controlled content that triggers them. */
    readonly deMinimisShare?: number;
    readonly items?: string;
    readonly hsCodes?: readonly string[];
    readonly source?: string;
    readonly recordedAt: string;
  }
>;

/** The measure's effective date has passed: emitted by the schedule, exactly once. */
export type ExportControlEnteredIntoForce = Event<
  'ExportControlEnteredIntoForce',
  { readonly measureId: string; readonly effectiveFrom: string; readonly materials: readonly string[] }
>;

/**
 * A suspension as announced. It applies at once when `suspendedFrom` is not after `recordedAt`; a suspension
 * recorded ahead of its start applies from ExportControlSuspensionTookEffect, which the schedule emits then.
 */
export type ExportControlSuspended = Event<
  'ExportControlSuspended',
  {
    readonly measureId: string;
    readonly reference: string;
    readonly suspendedFrom: string;
    /** Absent for an open-ended suspension. */
    readonly suspendedUntil?: string;
    readonly recordedAt: string;
  }
>;

/** The start date of a suspension recorded in advance has passed: the measure no longer applies. */
export type ExportControlSuspensionTookEffect = Event<
  'ExportControlSuspensionTookEffect',
  {
    readonly measureId: string;
    readonly reference: string;
    readonly suspendedFrom: string;
    readonly suspendedUntil?: string;
    readonly materials: readonly string[];
  }
>;

/** The suspension's end date has passed without a new announcement: the measure applies again. */
export type ExportControlSuspensionExpired = Event<
  'ExportControlSuspensionExpired',
  { readonly measureId: string; readonly suspendedUntil: string; readonly materials: readonly string[] }
>;

/**
 * A lifting as announced. It applies at once when `liftedOn` is not after `recordedAt`; a lifting recorded
 * ahead of its date applies from ExportControlLiftingTookEffect, which the schedule emits then.
 */
export type ExportControlLifted = Event<
  'ExportControlLifted',
  { readonly measureId: string; readonly reference: string; readonly liftedOn: string; readonly recordedAt: string }
>;

/** The date of a lifting recorded in advance has passed: the measure no longer applies, for good. */
export type ExportControlLiftingTookEffect = Event<
  'ExportControlLiftingTookEffect',
  { readonly measureId: string; readonly reference: string; readonly liftedOn: string; readonly materials: readonly string[] }
>;

/**
 * An amendment as announced. It applies at once when `amendedOn` is not after `recordedAt`; an amendment
 * recorded ahead of its date applies from ExportControlAmendmentTookEffect, which the schedule emits then.
 */
export type ExportControlAmended = Event<
  'ExportControlAmended',
  {
    readonly measureId: string;
    readonly reference: string;
    readonly amendedOn: string;
    readonly materials?: readonly string[];
    readonly destinations?: 'all' | readonly string[];
    readonly type?: ExportControlType;
    readonly deMinimisShare?: number;
    readonly recordedAt: string;
  }
>;

/** The date of an amendment recorded in advance has passed: the measure's scope changes as announced. */
export type ExportControlAmendmentTookEffect = Event<
  'ExportControlAmendmentTookEffect',
  Omit<ExportControlAmended['data'], 'recordedAt'>
>;

export type ExportControlEvent =
  | ExportControlRecorded
  | ExportControlEnteredIntoForce
  | ExportControlSuspended
  | ExportControlSuspensionTookEffect
  | ExportControlSuspensionExpired
  | ExportControlLifted
  | ExportControlLiftingTookEffect
  | ExportControlAmended
  | ExportControlAmendmentTookEffect;

export const EXPORT_CONTROL_SCHEMA_VERSION = 1;

export function exportControlStream(measureId: string): string {
  return `exportControl-${measureId}`;
}
