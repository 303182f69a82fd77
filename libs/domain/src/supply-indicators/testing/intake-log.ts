import { Event, RecordedEvent } from '@imera/event-sourcing';
import { ExportControlEvent, ExportControlRecorded, exportControlStream } from '@imera/domain/export-controls';
import {
  KeyMarketOperator,
  NotificationImpact,
  notificationStream,
  OperatorNotificationEvent,
} from '@imera/domain/operator-notifications';
import { StrategicStockEvent, strategicStockStream } from '@imera/domain/strategic-stocks';

/**
 * Builds a log of recorded intake events for tests, with global positions and ids as a store would give
 * them. Real announcements come from the project's export-control data (MOFCOM/GAC 2023-2025).
 */
export class IntakeLog {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();

  append(streamName: string, event: Event, recordedAt: string): RecordedEvent {
    const streamRevision = (this.revisions.get(streamName) ?? -1) + 1;
    this.revisions.set(streamName, streamRevision);
    const globalPosition = (this.events.length + 1) * 100;
    const recorded: RecordedEvent = {
      id: `evt-${globalPosition}`,
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      metadata: { correlationId: `c-${globalPosition}`, actor: 'test' },
      streamName,
      streamRevision,
      globalPosition,
      recordedAt,
    };
    this.events.push(recorded);
    return recorded;
  }

  control(event: ExportControlEvent, at: string): RecordedEvent {
    return this.append(exportControlStream(event.data.measureId), event, at);
  }

  recordMeasure(
    measure: Omit<ExportControlRecorded['data'], 'recordedAt' | 'issuingAuthority'>,
    at: string,
    inForce = true,
  ): RecordedEvent {
    const recorded = this.control(
      { type: 'ExportControlRecorded', data: { issuingAuthority: 'MOFCOM', ...measure, recordedAt: at } },
      at,
    );
    if (inForce) this.enterIntoForce(measure.measureId, measure.effectiveFrom, measure.materials, at);
    return recorded;
  }

  enterIntoForce(measureId: string, effectiveFrom: string, materials: readonly string[], at: string): RecordedEvent {
    return this.control({ type: 'ExportControlEnteredIntoForce', data: { measureId, effectiveFrom, materials } }, at);
  }

  notification(event: OperatorNotificationEvent, at: string): RecordedEvent {
    return this.append(notificationStream(event.data.notificationId), event, at);
  }

  file(
    notificationId: string,
    memberState: string,
    operator: KeyMarketOperator,
    material: string,
    impact: NotificationImpact,
    at: string,
  ): RecordedEvent {
    return this.notification(
      {
        type: 'OperatorNotificationFiled',
        data: {
          notificationId,
          memberState,
          operator,
          material,
          disruptionType: 'export-licence-delayed',
          impact,
          occurredAt: at,
          description: 'Export licences for supplies from China delayed',
          confidential: false,
          filedAt: at,
        },
      },
      at,
    );
  }

  stock(event: StrategicStockEvent, at: string): RecordedEvent {
    return this.append(strategicStockStream(event.data.memberState, event.data.material), event, at);
  }
}

export function magnetMaker(id: string, country: string, site: string): KeyMarketOperator {
  return { id, name: `Magnet maker ${id}`, site: { name: site, country }, role: 'magnet-manufacturing' };
}

/** MOFCOM/GAC Announcement No. 18 of 2025: licences for seven medium and heavy rare earths, from 4 April 2025. */
export const ANNOUNCEMENT_18_2025 = {
  measureId: 'cn-mofcom-2025-18',
  country: 'CN',
  reference: 'MOFCOM/GAC Announcement No. 18 of 2025',
  announcedOn: '2025-04-04',
  effectiveFrom: '2025-04-04',
  type: 'licence-requirement',
  materials: ['samarium', 'gadolinium', 'terbium', 'dysprosium', 'lutetium', 'scandium', 'yttrium'],
  destinations: 'all',
} as const;

/** MOFCOM Announcement No. 46 of 2024: exports of gallium, germanium and antimony to the United States banned. */
export const ANNOUNCEMENT_46_2024 = {
  measureId: 'cn-mofcom-2024-46',
  country: 'CN',
  reference: 'MOFCOM Announcement No. 46 of 2024',
  announcedOn: '2024-12-03',
  effectiveFrom: '2024-12-03',
  type: 'export-ban',
  materials: ['gallium', 'germanium', 'antimony'],
  destinations: ['US'],
} as const;

/** MOFCOM/GAC Announcement No. 23 of 2023: licences for gallium and germanium, from 1 August 2023. */
export const ANNOUNCEMENT_23_2023 = {
  measureId: 'cn-mofcom-2023-23',
  country: 'CN',
  reference: 'MOFCOM/GAC Announcement No. 23 of 2023',
  announcedOn: '2023-07-03',
  effectiveFrom: '2023-08-01',
  type: 'licence-requirement',
  materials: ['gallium', 'germanium'],
  destinations: 'all',
} as const;

/** MOFCOM Announcement No. 57 of 2025 (part of 55-58): five more heavy rare earths, from 8 November 2025. */
export const ANNOUNCEMENT_57_2025 = {
  measureId: 'cn-mofcom-2025-57',
  country: 'CN',
  reference: 'MOFCOM Announcements No. 55-58 of 2025',
  announcedOn: '2025-10-09',
  effectiveFrom: '2025-11-08',
  type: 'licence-requirement',
  materials: ['holmium', 'erbium', 'thulium', 'europium', 'ytterbium'],
  destinations: 'all',
} as const;
