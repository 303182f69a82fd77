import { Topics } from '@imera/messaging';
import { describeExportControlSchedule } from './export-control-schedule-scenarios';
import { rewindRecorder, runPrefix, startOverKafka } from './kafka-intake';

/**
 * The dated export-control transitions over the real Kafka broker, under a topic prefix of this run's own.
 * Restarts keep the data directory, the broker and the prefix; while the app is down the event recorder's
 * offsets are rewound, so on restart it receives every export-control message of the run again.
 */
const PREFIX = runPrefix('schedule');

describeExportControlSchedule('real Kafka broker', {
  start: (now) => startOverKafka(PREFIX, now),
  rewindRecorder: () => rewindRecorder(PREFIX, Topics.exportControls),
});
