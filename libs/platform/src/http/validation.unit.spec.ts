import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import { RequestValidationError, strictValidationPipe } from './validation';

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

describe('strict validation', () => {
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
