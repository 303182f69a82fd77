import { Command } from 'commander';
import { loadAppConfig } from '@imera/platform';
import { deleteExercise, exerciseExists, isExerciseId, listExercises, NamespaceInUseError } from '../runner';

/** `exercise list`: the namespaces under `$DATA_DIR/exercises/`, one a line. */
export function listCommand(): Command {
  return new Command('list').description('List the exercise namespaces under $DATA_DIR/exercises/').action(async () => {
    const exercises = await listExercises(loadAppConfig().dataDir);
    for (const { id, scenario, state, passed } of exercises) {
      const outcome = passed === null ? '' : passed ? ' passed' : ' FAILED';
      process.stdout.write(`${id}\t${state}${outcome}\t${scenario ?? ''}\n`);
    }
  });
}

/** `exercise delete <id>`: removes a namespace (its event log, projections and report). */
export function deleteCommand(): Command {
  return new Command('delete')
    .description('Delete an exercise namespace: its event log, projections and report')
    .argument('<exercise-id>')
    .action(async (exerciseId: string) => {
      const dataDir = loadAppConfig().dataDir;
      if (!isExerciseId(exerciseId) || !(await exerciseExists(dataDir, exerciseId))) {
        process.stderr.write(`No exercise ${exerciseId}\n`);
        process.exitCode = 1;
        return;
      }
      try {
        await deleteExercise(dataDir, exerciseId);
        process.stdout.write(`Deleted exercise ${exerciseId}\n`);
      } catch (error) {
        if (!(error instanceof NamespaceInUseError)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
      }
    });
}
