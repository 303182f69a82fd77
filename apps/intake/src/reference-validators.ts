import { IsISO31661Alpha2, ValidateBy, ValidationOptions } from 'class-validator';
import { isKnownMaterial, isMemberStateCode } from '@imera/reference-data';

/** A raw-material code of the CRMA lists, or an individual rare-earth element. */
export function IsKnownMaterial(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isKnownMaterial',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isKnownMaterial(value),
        defaultMessage: (args) => `${args?.property} must be a raw-material code of the reference data (e.g. gallium, dysprosium)`,
      },
    },
    options,
  );
}

/** One of the EU-27 (EL for Greece). */
export function IsMemberStateCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMemberStateCode',
      validator: {
        validate: (value: unknown) => isMemberStateCode(value),
        defaultMessage: (args) => `${args?.property} must be the code of an EU Member State (e.g. DE, FR, EL)`,
      },
    },
    options,
  );
}

/** Any country, by its ISO 3166-1 alpha-2 code. */
export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return IsISO31661Alpha2({ message: (args) => `${args.property} must be an ISO 3166-1 alpha-2 country code`, ...options });
}
