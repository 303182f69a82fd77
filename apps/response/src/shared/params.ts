import { BadRequestException, PipeTransform } from '@nestjs/common';

/** Checks an operator id in the path, with the same rule as in bodies. */
export const IsOperatorIdParam: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/.test(value)) throw new BadRequestException('operatorId must be 1-100 letters, digits or . _ : -');
    return value;
  },
};

/** A distribution order id: the releasing and the receiving Member State, `DE-FR`. */
export const IsOrderIdParam: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!/^[A-Z]{2}-[A-Z]{2}$/.test(value)) throw new BadRequestException('orderId must name the releasing and receiving Member States, e.g. DE-FR');
    return value;
  },
};

/** A scope id in the path: lower-case letters, digits and dashes. */
export const IsScopeIdParam: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(value)) throw new BadRequestException('scopeId must be 1-100 lower-case letters, digits or dashes');
    return value;
  },
};
