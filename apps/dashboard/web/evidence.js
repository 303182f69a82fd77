// @ts-check

/**
 * Where the record behind an event can be read, from its stream name (`category-id`), or undefined when the
 * API has no reader for it.
 * @param {string | undefined} streamName
 * @returns {string | undefined}
 */
export function evidencePath(streamName) {
  if (!streamName) return undefined;
  const dash = streamName.indexOf('-');
  if (dash < 1) return undefined;
  const category = streamName.slice(0, dash);
  const id = encodeURIComponent(streamName.slice(dash + 1));
  switch (category) {
    case 'notification':
      return `/api/v1/notifications/${id}`;
    case 'exportControl':
      return `/api/v1/export-controls/${id}`;
    case 'scope':
      return `/api/v1/scopes/${id}`;
    case 'infoRequest':
      return `/api/v1/information-requests/${id}`;
    case 'prr':
      return `/api/v1/priority-rated-requests/${id}`;
    case 'stockDistribution':
      return `/api/v1/stock-distributions/${id}`;
    case 'jointProcurement':
      return `/api/v1/joint-procurements/${id}`;
    default:
      return undefined;
  }
}

/** The in-page link that opens an API record in the evidence panel. @param {string} path */
export function evidenceHref(path) {
  return `#evidence=${encodeURIComponent(path)}`;
}

/** @param {string} hash @returns {string | undefined} */
export function evidenceFromHash(hash) {
  const match = /^#evidence=(.+)$/.exec(hash);
  if (!match) return undefined;
  const path = decodeURIComponent(match[1]);
  // Only API records of this server: never another origin, never a page.
  return /^\/api\/v1\/[A-Za-z0-9/_.~%-]+$/.test(path) && !path.includes('..') ? path : undefined;
}

/** What a stream category is, in words. @param {string | undefined} streamName */
export function streamKind(streamName) {
  const category = streamName?.split('-')[0];
  return (
    {
      notification: 'operator notification',
      exportControl: 'export control',
      scope: 'scope decision',
      infoRequest: 'information request',
      prr: 'priority-rated request',
      stockDistribution: 'stock distribution',
      jointProcurement: 'joint procurement',
      strategicStock: 'strategic stock report',
    }[category ?? ''] ?? 'event'
  );
}
