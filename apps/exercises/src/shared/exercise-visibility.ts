import { NotFoundException } from '@nestjs/common';
import { boundExercise, Principal } from '@imera/auth';
import { isExerciseId } from '../runner/exercise-id';

/** A token bound to another exercise, or a malformed id: the exercise does not exist for this caller. */
export function requireVisibleExercise(principal: Principal, exerciseId: string): void {
  const bound = boundExercise(principal);
  if (!isExerciseId(exerciseId) || (bound !== undefined && bound !== exerciseId)) throw exerciseNotFound(exerciseId);
}

export function exerciseNotFound(exerciseId: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'Not Found', message: `No exercise ${exerciseId}` });
}
