import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { Clock, systemClock } from '@imera/event-sourcing';
import { ValidateBy, ValidationOptions } from 'class-validator';

export interface FieldError {
  /** Dotted path of the failing field, e.g. `impact.capacityShareAffected` or `materials.2`. */
  readonly field: string;
  readonly errors: readonly string[];
}

/** Flattens class-validator's nested errors into one entry per failing field. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export class RequestValidationError extends BadRequestException {
  constructor(readonly fields: readonly FieldError[]) {
    super({ statusCode: 400, error: 'validation-failed', message: 'The request has invalid fields', fields });
  }
}

/**
 * The clock's "now" while one body is validated, so date rules use the service's clock, not the host's.
 * class-validator runs every synchronous rule before `validate` returns its promise, so the moment is set
 * around that call only (an AsyncLocalStorage would turn on async hooks for every promise of the process).
 */
let validationNow: Date | undefined;

class ClockedValidationPipe extends ValidationPipe {
  constructor(private readonly clock: Clock, options: ConstructorParameters<typeof ValidationPipe>[0]) {
    super(options);
  }

  protected override validate(...args: Parameters<ValidationPipe['validate']>): ReturnType<ValidationPipe['validate']> {
    const outer = validationNow;
    validationNow = this.clock.now();
    try {
      return super.validate(...args);
    } finally {
      validationNow = outer;
    }
  }
}

/** The field must be an ISO-8601 date-time not after the service clock's now. */
export function NotInFuture(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notInFuture',
      validator: {
        validate: (value: unknown) => {
          const now = validationNow ?? new Date(8.64e15);
          return typeof value === 'string' && Date.parse(value) <= now.getTime();
        },
        defaultMessage: (args) => `${args?.property} must not be in the future`,
      },
    },
    options,
  );
}

/**
 * Validates every body against its DTO: unknown fields are refused (not silently dropped), every failing
 * field is reported at once, and nothing reaches a handler unless the whole body is valid.
 */
export function strictValidationPipe(clock: Clock = systemClock): ValidationPipe {
  return new ClockedValidationPipe(clock, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}
