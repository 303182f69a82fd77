import { ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

type Condition<T> = (dto: T) => boolean;

/**
 * The field is validated when present or when `required` holds for the body; when absent and not required
 * the other rules of the field are skipped.
 */
export function PresentOrRequiredWhen<T>(required: Condition<T>): PropertyDecorator {
  return ValidateIf((dto: T, value: unknown) => value !== undefined || required(dto));
}

/** The field may be given only when `allowed` holds for the body: says when it belongs. */
export function OnlyWhen<T>(allowed: Condition<T>, belongs: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'onlyWhen',
      validator: {
        validate: (value: unknown, args) => value === undefined || allowed(args?.object as T),
        defaultMessage: (args) => `${args?.property} belongs only to ${belongs}`,
      },
    },
    options,
  );
}

/** The field must be given when `required` holds for the body. */
export function RequiredWhen<T>(required: Condition<T>, when: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'requiredWhen',
      validator: {
        validate: (value: unknown, args) => value !== undefined || !required(args?.object as T),
        defaultMessage: (args) => `${args?.property} is required for ${when}`,
      },
    },
    options,
  );
}
