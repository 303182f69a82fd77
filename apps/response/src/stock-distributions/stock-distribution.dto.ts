import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { SHARE_BASES, ShareBasis } from '@imera/domain/stock-distribution';
import { IsKnownMaterial, IsMemberStateCode } from '../../../intake/src/reference-validators';
import { IsScopeId, IsText } from '../shared/identifiers';

const MAX_UNITS = 1e12;

/** A distribution round for one material: reports in, one allocation, its orders (ADR 0007). */
export class OpenDistributionRoundDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the Commission; re-sending the same id is safe' })
  @IsUUID()
  roundId!: string;

  @ApiProperty({ example: 'rare-earth-magnets' })
  @IsScopeId()
  scopeId!: string;

  @ApiProperty({ example: 'dysprosium' })
  @IsKnownMaterial()
  material!: string;

  @ApiProperty({ example: 'kg', description: 'The whole unit every quantity of the round is counted in' })
  @IsText(40)
  unit!: string;

  @ApiProperty({ enum: SHARE_BASES, description: 'What shares follow when stock is short: need (default rule) or consumption (IEA-style)' })
  @IsIn(SHARE_BASES)
  basis!: ShareBasis;
}

/** CRMA Art 22: the Member State's strategic stock of the round's material. */
export class ReportStocksDto {
  @ApiProperty({ example: 'DE', description: 'The reporting Member State: the caller' })
  @IsMemberStateCode()
  memberState!: string;

  @ApiProperty({ example: 1000, description: 'Whole units held' })
  @IsInt() @Min(0) @Max(MAX_UNITS)
  held!: number;

  @ApiProperty({ example: 200, description: 'What the holder keeps for its own critical uses; never released' })
  @IsInt() @Min(0) @Max(MAX_UNITS)
  protectedFloor!: number;

  @ApiPropertyOptional({ example: 'oxide' })
  @IsOptional() @IsText(200)
  form?: string;

  @ApiPropertyOptional({ example: '99.5%' })
  @IsOptional() @IsText(100)
  purity?: string;
}

export class ReportCriticalNeedsDto {
  @ApiProperty({ example: 'FR', description: 'The reporting Member State: the caller' })
  @IsMemberStateCode()
  memberState!: string;

  @ApiProperty({ example: 500, description: 'Critical needs the Member State cannot cover, whole units' })
  @IsInt() @Min(0) @Max(MAX_UNITS)
  need!: number;

  @ApiProperty({ example: 2400, description: 'Normal consumption over the reference period: the weight under the consumption basis' })
  @IsInt() @Min(0) @Max(MAX_UNITS)
  consumption!: number;
}

export class DispatchOrderDto {
  @ApiProperty({ example: 300, description: 'Whole units dispatched, at most the ordered quantity' })
  @IsInt() @Min(1) @Max(MAX_UNITS)
  quantity!: number;
}

export class ConfirmDeliveryDto {
  @ApiProperty({ example: 300, description: 'Whole units received; the rest of the dispatch is recorded as lost in transit' })
  @IsInt() @Min(0) @Max(MAX_UNITS)
  quantityReceived!: number;
}
