/**
 * What an exercise id (the `exerciseId` of an event's metadata) looks like: it names the exercise's directory
 * and appears in URLs and in exercise-runner tokens, so one rule serves all three. Letters, digits, dot,
 * dash and underscore, starting with a letter or digit, at most 100 characters, never "..".
 */
const EXERCISE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function isExerciseId(text: unknown): text is string {
  return typeof text === 'string' && EXERCISE_ID.test(text) && !text.includes('..');
}
