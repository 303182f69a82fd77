export { isExerciseId } from '@imera/event-sourcing';

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
