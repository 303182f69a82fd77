/** Who is acting and in which chain of work: goes into every event's metadata. */
export interface RequestContext {
  /** Principal subject, e.g. `ms-authority:DE:alice` or a service name. */
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId?: string;
  /** Client address, for the audit trail. */
  readonly clientAddress?: string;
}

export function eventMetadata(context: RequestContext, extra: Record<string, string> = {}) {
  return {
    correlationId: context.correlationId,
    ...(context.causationId ? { causationId: context.causationId } : {}),
    actor: context.actor,
    ...(context.clientAddress ? { clientAddress: context.clientAddress } : {}),
    ...extra,
  };
}
