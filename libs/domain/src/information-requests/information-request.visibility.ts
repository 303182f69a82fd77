import { InformationRequestEvent } from './information-request.events';

export type Reader = { readonly kind: 'commission' } | { readonly kind: 'member-state'; readonly memberState: string };

/**
 * Answers and refusals are confidential to the Commission and the operator's Member State. A Member State
 * sees a request only if it addresses one of its operators; read models must then show it only those
 * addressees (see `addresseesVisibleTo`).
 */
export function isVisibleTo(reader: Reader, event: InformationRequestEvent): boolean {
  if (reader.kind === 'commission') return true;
  switch (event.type) {
    case 'InformationRequestIssued':
      return event.data.addressees.some((a) => a.memberState === reader.memberState);
    case 'InformationRequestAnswered':
    case 'InformationRequestDeclined':
    case 'InformationRequestDeadlineMissed':
      return event.data.memberState === reader.memberState;
    case 'InformationRequestEndedWithMode':
      // That a request ended is not confidential; who was still pending is (filter pendingAddressees).
      return true;
  }
}

export function addresseesVisibleTo<A extends { readonly memberState: string }>(
  reader: Reader,
  addressees: readonly A[],
): A[] {
  return reader.kind === 'commission'
    ? [...addressees]
    : addressees.filter((a) => a.memberState === reader.memberState);
}
