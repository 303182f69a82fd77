import { peakRssBytes } from './peak-rss';
import { runTask, TaskName } from './tasks';

/** Entry point of a measurement child: runs one task, replies with its result and peak RSS, exits. */
process.once('message', (message: { name: TaskName; input: never }) => {
  runTask(message.name, message.input).then(
    (result) => process.send!({ ok: true, result, peakRssBytes: peakRssBytes() }, () => process.exit(0)),
    (error: unknown) => process.send!({ ok: false, error: error instanceof Error ? error.stack : String(error) }, () => process.exit(1)),
  );
});
