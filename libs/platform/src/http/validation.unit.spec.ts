import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsString, Max, Min, ValidateNested } from 'class-validator';
import { ManualClock } from '@imera/event-sourcing';
import { NotInFuture, RequestValidationError, strictValidationPipe } from './validation';

class Impact {
  @Min(0) @Max(1) share!: number;
  @IsInt() days!: number;
}

class Body {
  @IsString() name!: string;
  @ValidateNested() @Type(() => Impact) impact!: Impact;
}

async function failures(value: unknown) {
  try {
    await strictValidationPipe().transform(value, { type: 'body', metatype: Body });
  } catch (error) {
    return (error as RequestValidationError).fields;
  }
  return [];
}

class Dated {
  @IsISO8601({ strict: true }) @NotInFuture() occurredAt!: string;
}

describe('strict validation', () => {
  it('judges "in the future" by the service clock', async () => {
    const pipe = strictValidationPipe(new ManualClock('2025-04-22T00:00:00Z'));
    await expect(pipe.transform({ occurredAt: '2025-04-21T23:59:59Z' }, { type: 'body', metatype: Dated })).resolves.toBeInstanceOf(Dated);
    const error = await pipe.transform({ occurredAt: '2025-04-22T00:00:01Z' }, { type: 'body', metatype: Dated }).catch((e: unknown) => e);
    expect((error as RequestValidationError).fields).toEqual([{ field: 'occurredAt', errors: ['occurredAt must not be in the future'] }]);
  });

  it("judges each body by its own pipe's clock when several are validated at once", async () => {
    const early = strictValidationPipe(new ManualClock('2025-01-01T00:00:00Z'));
    const late = strictValidationPipe(new ManualClock('2030-01-01T00:00:00Z'));
    const body = { occurredAt: '2026-06-01T00:00:00Z' };
    const outcomes = await Promise.all(
      [early, late, early, late].map((pipe) => pipe.transform(body, { type: 'body', metatype: Dated }).then(() => 'valid', () => 'refused')),
    );
    expect(outcomes).toEqual(['refused', 'valid', 'refused', 'valid']);
  });

  it('reports every failing field, nested ones by their dotted path', async () => {
    const fields = await failures({ name: 7, impact: { share: 2, days: 1.5 } });
    expect(fields.map((field) => field.field).sort()).toEqual(['impact.days', 'impact.share', 'name']);
    expect(fields.every((field) => field.errors.length > 0)).toBe(true);
  });

  it('refuses unknown fields instead of dropping them', async () => {
    const fields = await failures({ name: 'ok', impact: { share: 0.5, days: 3 }, extra: true });
    expect(fields).toEqual([{ field: 'extra', errors: ['property extra should not exist'] }]);
  });

  it('passes a valid body through as an instance of the DTO', async () => {
    const value = await strictValidationPipe().transform({ name: 'ok', impact: { share: 0.5, days: 3 } }, { type: 'body', metatype: Body });
    expect(value).toBeInstanceOf(Body);
  });
});
