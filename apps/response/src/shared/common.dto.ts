import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsText } from './identifiers';

/** A local calendar date, YYYY-MM-DD. */
export const IsCalendarDate = () =>
  applyDecorators(IsString(), Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '$property must be a calendar date YYYY-MM-DD' }));

export class QuantityDto {
  @ApiProperty({ example: 12, exclusiveMinimum: true, minimum: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.000001) @Max(1e12)
  amount!: number;

  @ApiProperty({ example: 't' })
  @IsText(40)
  unit!: string;
}

/** A step the Commission takes without further data; the comment goes into the audit trail. */
export class CommissionStepDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'Kept in the event metadata for the audit trail' })
  @IsOptional() @IsText(2000)
  comment?: string;
}

export function commentMetadata(dto: CommissionStepDto): Record<string, string> {
  return dto.comment ? { comment: dto.comment } : {};
}
