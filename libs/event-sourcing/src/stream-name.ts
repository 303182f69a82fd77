/**
 * Stream names are `category-id` with a single dash before the id, so EventStoreDB's category projections
 * work: `scope-rare-earth-magnets` is category `scope`, id `rare-earth-magnets`.
 */
export function streamName(category: string, id: string): string {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(category)) {
    throw new Error(`Stream category "${category}" must be one lower-camel word without dashes`);
  }
  if (id.length === 0) throw new Error('Stream id must not be empty');
  return `${category}-${id}`;
}

export function streamCategory(name: string): string {
  const dash = name.indexOf('-');
  return dash < 0 ? name : name.slice(0, dash);
}

export function streamId(name: string): string {
  const dash = name.indexOf('-');
  return dash < 0 ? '' : name.slice(dash + 1);
}
