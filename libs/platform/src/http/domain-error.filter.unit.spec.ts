import { ArgumentsHost } from '@nestjs/common';
import { DomainRuleViolation, EventStoreUnavailableError, WrongExpectedRevisionError } from '@imera/event-sourcing';
import { ReadOnlyEventStoreError } from '../event-store/read-only-event-store';
import { DomainErrorFilter } from './domain-error.filter';

/** What the filter sends for an error: status, body and headers, through a stand-in of Fastify's reply. */
function answerTo(error: Error) {
  const answer = { status: 0, body: undefined as unknown, headers: {} as Record<string, string> };
  const reply = {
    header: (name: string, value: string) => void (answer.headers[name] = value),
    status: (status: number) => {
      answer.status = status;
      return { send: (body: unknown) => void (answer.body = body) };
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new DomainErrorFilter().catch(error, host);
  return answer;
}

describe('domain outcomes over HTTP', () => {
  it('answers a write to a store open for reading only (a finished exercise) with 409, not a 500', () => {
    const answer = answerTo(new ReadOnlyEventStoreError('notification-1'));
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ statusCode: 409, error: 'read-only', message: expect.stringContaining('notification-1') });
  });

  it('keeps the other mappings: broken rule 422, unknown target 404, concurrent change 409, store down 503 with Retry-After', () => {
    expect(answerTo(new DomainRuleViolation('deadline-in-the-past', 'The deadline has passed')).status).toBe(422);
    expect(answerTo(new DomainRuleViolation('notification-not-found', 'No such notification')).status).toBe(404);
    expect(answerTo(new WrongExpectedRevisionError('scope-x', 1, 2)).status).toBe(409);
    const down = answerTo(new EventStoreUnavailableError('disk gone'));
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toMatch(/^\d+$/);
  });
});
