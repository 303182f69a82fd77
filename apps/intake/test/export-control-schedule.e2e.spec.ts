import { describeExportControlSchedule } from './export-control-schedule-scenarios';
import { IntakeHarness } from './intake-harness';

describeExportControlSchedule('embedded in-process bus', { start: (now) => IntakeHarness.start({ now }) });
