import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const LIST_ORDERS = ['filed', 'newest'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];
export const MAX_LIST_LIMIT = 1_000;

/**
 * The query of the notifications list. The list has every notification ever filed, so a reader that shows a
 * few (the dashboard's panel) asks for the newest with a limit and reads the count from `total`.
 */
export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'CRMA list entry or element as filed' })
  @IsOptional() @IsString() @MaxLength(100)
  material?: string;

  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @IsOptional() @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ description: 'Commission only; a Member State authority always sees its own filings' })
  @IsOptional() @IsString() @MaxLength(2)
  memberState?: string;

  @ApiPropertyOptional({ enum: LIST_ORDERS, description: 'filed (oldest first, the default) or newest (newest filing first)' })
  @IsOptional() @IsIn(LIST_ORDERS)
  order?: ListOrder;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIST_LIMIT, description: 'At most this many, after the order; `total` counts them all' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_LIST_LIMIT)
  limit?: number;
}
