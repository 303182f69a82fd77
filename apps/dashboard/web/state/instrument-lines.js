// @ts-check

/**
 * @typedef {{
 *   kind: 'information-request' | 'priority-rated-request' | 'stock-distribution' | 'joint-procurement',
 *   id: string,
 *   status: string,
 *   awaiting?: string,
 *   nextDeadline?: { what: string, due: string },
 *   href: string,
 * }} InstrumentLine
 */

/** The per-kind lists a Member State authority may read, by collection and reply field. */
export const INSTRUMENT_COLLECTIONS = /** @type {const} */ ([
  ['information-requests', 'informationRequests'],
  ['priority-rated-requests', 'priorityRatedRequests'],
  ['stock-distributions', 'stockDistributions'],
  ['joint-procurements', 'jointProcurements'],
]);

const CLOSED = new Set(['complete', 'completed', 'ended-with-mode', 'host-refused', 'refused', 'lapsed', 'fulfilled', 'breached', 'published']);

/**
 * The open instruments among the records a Member State authority may see, as lines like the Commission's
 * open-instruments view: what it is, its status, and its next deadline where the record has one.
 * @param {string} collection
 * @param {any[]} records
 * @returns {InstrumentLine[]}
 */
export function instrumentLines(collection, records) {
  return records.filter((record) => !CLOSED.has(record.status)).map((record) => lineOf(collection, record));
}

/** @param {string} collection @param {any} record @returns {InstrumentLine} */
function lineOf(collection, record) {
  switch (collection) {
    case 'information-requests':
      return { kind: 'information-request', id: record.requestId, status: record.status, nextDeadline: record.deadline ? { what: 'answers due', due: record.deadline } : undefined, href: `/api/v1/information-requests/${record.requestId}` };
    case 'priority-rated-requests': {
      const responseDue = record.status === 'issued' ? record.issue?.responseDeadline?.expiresAt : undefined;
      const deadline = responseDue ? { what: 'response due', due: responseDue } : record.deliveryDate ? { what: 'delivery due', due: record.deliveryDate } : undefined;
      return { kind: 'priority-rated-request', id: record.prrId, status: record.status, nextDeadline: deadline, href: `/api/v1/priority-rated-requests/${record.prrId}` };
    }
    case 'stock-distributions': {
      const undelivered = (record.orders ?? []).filter((/** @type {any} */ order) => order.status !== 'delivered').length;
      const awaiting = record.status === 'collecting' ? 'stock and need reports' : `${undelivered} order${undelivered === 1 ? '' : 's'} to deliver`;
      return { kind: 'stock-distribution', id: record.roundId, status: record.status, awaiting, href: `/api/v1/stock-distributions/${record.roundId}` };
    }
    default: {
      const due = record.status === 'collecting-demand' ? record.invitation?.demandDeadline : undefined;
      return { kind: 'joint-procurement', id: record.procurementId, status: record.status, nextDeadline: due ? { what: 'demand due', due } : undefined, href: `/api/v1/joint-procurements/${record.procurementId}` };
    }
  }
}
