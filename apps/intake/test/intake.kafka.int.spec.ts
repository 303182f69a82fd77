import { describeIntake } from './intake-scenarios';
import { runPrefix, startOverKafka } from './kafka-intake';

/** The intake scenarios over the real Kafka broker, under a topic prefix of this run's own. */
const PREFIX = runPrefix('intake');

describeIntake('real Kafka broker', () => startOverKafka(PREFIX));
