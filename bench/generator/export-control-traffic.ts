import {
  EXPORT_CONTROL_SCHEMA_VERSION,
  ExportControlEvent,
  exportControlStream,
} from '@imera/domain/export-controls';
import { EventSink, SyntheticAppend } from './event-sink';
import { WeightedChoice } from './seeded-random';
import { CONTROL_TYPES_BY_WEIGHT, CONTROLLED_SETS } from './vocabulary';

type Phase = 'announced' | 'in-force' | 'suspended';

interface LiveMeasure {
  readonly measureId: string;
  readonly reference: string;
  readonly materials: readonly string[];
  readonly phase: Phase;
  readonly suspendedUntil?: string;
}

const ACTOR = 'service:export-control-intake';

/** Third-country export controls: announced, entering into force, suspended, amended and lifted. */
export class ExportControlTraffic {
  private readonly live: LiveMeasure[] = [];
  private readonly types = new WeightedChoice(CONTROL_TYPES_BY_WEIGHT);
  private announcements = 0;

  constructor(private readonly sink: EventSink, private readonly maxLive = 24) {}

  next(): SyntheticAppend {
    const random = this.sink.random;
    if (this.live.length < 4 || (this.live.length < this.maxLive && random.chance(0.25))) return this.record();
    const index = random.int(0, this.live.length - 1);
    const measure = this.live[index];
    switch (measure.phase) {
      case 'announced':
        this.live[index] = { ...measure, phase: 'in-force' };
        return this.emit(measure, { type: 'ExportControlEnteredIntoForce', data: { measureId: measure.measureId, effectiveFrom: this.sink.dateIn(0), materials: measure.materials } });
      case 'suspended':
        this.live[index] = { ...measure, phase: 'in-force' };
        return this.emit(measure, { type: 'ExportControlSuspensionExpired', data: { measureId: measure.measureId, suspendedUntil: measure.suspendedUntil!, materials: measure.materials } });
      case 'in-force':
        return this.change(index, measure);
    }
  }

  private record(): SyntheticAppend {
    const random = this.sink.random;
    const number = ++this.announcements;
    const year = this.sink.now.slice(0, 4);
    const measure: LiveMeasure = {
      measureId: `cn-mofcom-${year}-${number}`,
      reference: `MOFCOM/GAC Announcement No. ${number} of ${year}`,
      materials: random.pick(CONTROLLED_SETS),
      phase: 'announced',
    };
    this.live.push(measure);
    const type = this.types.pick(random);
    return this.emit(measure, {
      type: 'ExportControlRecorded',
      data: {
        measureId: measure.measureId,
        country: 'CN',
        issuingAuthority: 'MOFCOM',
        reference: measure.reference,
        announcedOn: this.sink.dateIn(0),
        effectiveFrom: this.sink.dateIn(random.int(0, 60)),
        type,
        materials: measure.materials,
        destinations: random.chance(0.85) ? 'all' : ['US'],
        ...(type === 'extraterritorial-control' ? { deMinimisShare: 0.001 } : {}),
        items: `${measure.materials.join(', ')} and related oxides, compounds, alloys and technologies`,
        hsCodes: ['2805301900', '8112921000', '2846901500'].slice(0, random.int(1, 3)),
        source: `${measure.reference}, as published by the issuing authority`,
        recordedAt: this.sink.now,
      },
    });
  }

  private change(index: number, measure: LiveMeasure): SyntheticAppend {
    const random = this.sink.random;
    const roll = random.int(0, 9);
    if (roll < 3) {
      const suspendedUntil = this.sink.dateIn(random.int(30, 365));
      this.live[index] = { ...measure, phase: 'suspended', suspendedUntil };
      const reference = `MOFCOM Announcement No. ${++this.announcements} of ${this.sink.now.slice(0, 4)}`;
      return this.emit(measure, { type: 'ExportControlSuspended', data: { measureId: measure.measureId, reference, suspendedFrom: this.sink.dateIn(1), suspendedUntil, recordedAt: this.sink.now } });
    }
    if (roll < 7) {
      const materials = [...measure.materials, random.pick(CONTROLLED_SETS)[0]].filter((code, at, all) => all.indexOf(code) === at);
      this.live[index] = { ...measure, materials };
      const reference = `MOFCOM/GAC Announcement No. ${++this.announcements} of ${this.sink.now.slice(0, 4)}`;
      return this.emit(measure, { type: 'ExportControlAmended', data: { measureId: measure.measureId, reference, amendedOn: this.sink.dateIn(0), materials, recordedAt: this.sink.now } });
    }
    const last = this.live.pop()!;
    if (index < this.live.length) this.live[index] = last;
    const reference = `MOFCOM/GAC Announcement No. ${++this.announcements} of ${this.sink.now.slice(0, 4)}`;
    return this.emit(measure, { type: 'ExportControlLifted', data: { measureId: measure.measureId, reference, liftedOn: this.sink.dateIn(0), recordedAt: this.sink.now } });
  }

  private emit(measure: LiveMeasure, event: ExportControlEvent): SyntheticAppend {
    return this.sink.emit(exportControlStream(measure.measureId), event, EXPORT_CONTROL_SCHEMA_VERSION, ACTOR);
  }
}
