/** Exercise ids name a directory and appear in URLs: letters, digits, dot, dash and underscore. */
export const EXERCISE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function isExerciseId(text: string): boolean {
  return EXERCISE_ID.test(text) && !text.includes('..');
}

/** A name-based id: "April 2025 rare-earth export controls" gives `april-2025-rare-earth-export-controls`. */
export function exerciseIdFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug.length > 0 ? slug : 'exercise';
}
