import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { replyWith, requestContext } from '@imera/platform';

export type HttpRequest = Parameters<typeof requestContext>[1];
export type HttpReply = Parameters<typeof replyWith>[0];

/** What a caller may not see does not exist for it: 404, never 403, so existence itself stays confidential. */
export function notVisible(label: string, id: string): NotFoundException {
  return new NotFoundException(`${label} ${id} not found`);
}

/** The caller sees the instrument but may not take this step on it. */
export function forbidden(message: string): ForbiddenException {
  return new ForbiddenException({ statusCode: 403, error: 'Forbidden', reason: 'not-yours-to-act-on', message });
}

/** Reveals an instrument only to a caller its visibility rule admits; anyone else gets 404. */
export function requireVisible<R, S>(record: R | undefined, visible: (record: R) => S | undefined, label: string, id: string): S {
  const shown = record === undefined ? undefined : visible(record);
  if (shown === undefined) throw notVisible(label, id);
  return shown;
}
