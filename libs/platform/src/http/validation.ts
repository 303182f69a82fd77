import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

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
 * Validates every body against its DTO: unknown fields are refused (not silently dropped), every failing
 * field is reported at once, and nothing reaches a handler unless the whole body is valid.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}
