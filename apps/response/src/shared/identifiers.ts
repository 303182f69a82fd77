import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, ValidationOptions } from 'class-validator';

const pattern = (regex: RegExp, message: string, options?: ValidationOptions) =>
  applyDecorators(IsString(options), Matches(regex, { message, ...options }));

/** A crisis scope id as its stream names it: `rare-earth-magnets` for `scope-rare-earth-magnets`. */
export const IsScopeId = (options?: ValidationOptions) =>
  pattern(/^[a-z0-9][a-z0-9-]{0,99}$/, '$property must be a scope id: 1-100 lower-case letters, digits or dashes', options);

/** An operator id as the Member State registers it (the same form as in operator notifications). */
export const IsOperatorId = (options?: ValidationOptions) =>
  pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, '$property must be 1-100 letters, digits or . _ : -', options);

/** Ids the client chooses for things inside an instrument (offers, suppliers, delivery notes). */
export const IsReference = (options?: ValidationOptions) =>
  pattern(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/, '$property must be 1-100 letters, digits or . _ : / -', options);

/** Free text of at most `max` characters that must say something. */
export const IsText = (max: number, options?: ValidationOptions) =>
  applyDecorators(IsString(options), MaxLength(max, options), Matches(/\S/, { message: '$property must not be blank', ...options }));

/** Goods as the Council act lists them: a code or a short name. */
export const IsGoods = (options?: ValidationOptions) => IsText(200, options);
