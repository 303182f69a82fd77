import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Command } from 'commander';
import { deleteCommand, listCommand } from './namespace-commands';
import { replayCommand } from './replay-command';
import { runCommand } from './run-command';

// The services' own log lines would bury the run's summary: stdout carries the summary only.
Logger.overrideLogger(false);

/** `npm run exercise -- <command>`: stress-test exercises in their own namespaces, on virtual time. */
export function exerciseProgram(): Command {
  return new Command('exercise')
    .description('IMERA stress-test exercises')
    .addCommand(runCommand())
    .addCommand(replayCommand())
    .addCommand(listCommand())
    .addCommand(deleteCommand());
}

exerciseProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 3;
  });
