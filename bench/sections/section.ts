import { Figure } from '../report/figures';
import { Scale } from '../scale';

export const SECTION_NAMES = ['replay', 'durable-append', 'ingestion', 'live-latency', 'cold-start'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export interface BenchContext {
  readonly scale: Scale;
  /** A scratch directory of this run; every fixture lives below it. */
  readonly workDir: string;
  /** Root of the compiled output (dist/), where the all-in-one app is. */
  readonly buildRoot: string;
  /** The run's private Kafka broker, started on first use; or why there is none. */
  kafka(): Promise<KafkaAvailability>;
  log(line: string): void;
}

export type KafkaAvailability = { readonly brokers: readonly string[] } | { readonly skipped: string };

export interface SectionResult {
  readonly figures: readonly Figure[];
  /** Everything measured, for results.json. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** One part of the benchmark; sections are independent and can run alone (`--only`). */
export interface BenchSection {
  readonly name: SectionName;
  readonly title: string;
  run(context: BenchContext): Promise<SectionResult>;
}
