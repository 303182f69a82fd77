import { describeIntake } from './intake-scenarios';
import { IntakeHarness } from './intake-harness';

describeIntake('embedded in-process bus', () => IntakeHarness.start());
