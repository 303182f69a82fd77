import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NotInFuture } from '@imera/platform';
import { IsKnownMaterial, IsMemberStateCode } from '../../../intake/src/reference-validators';

/** A Member State's report of the strategic stock it holds of one raw material (CRMA Art 22). */
export class StockReportDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the reporting authority; re-sending the same report is safe' })
  @IsUUID()
  reportId!: string;

  @ApiProperty({ example: 'FR', description: 'The reporting Member State (EU country code, EL for Greece)' })
  @IsMemberStateCode()
  memberState!: string;

  @ApiProperty({ example: 'gallium', description: 'Raw-material code from the reference data' })
  @IsKnownMaterial()
  material!: string;

  @ApiProperty({ example: 12.5, minimum: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100_000_000)
  tonnesHeld!: number;

  @ApiPropertyOptional({ example: 0.25, minimum: 0, description: "Stock as a share of a year's national consumption (0.25 = three months)" })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100)
  shareOfNationalConsumption?: number;

  @ApiPropertyOptional({ example: 'metal, 99.99 %', maxLength: 200, description: 'Form in which it is held' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  form?: string;

  @ApiPropertyOptional({ example: '4N', maxLength: 200 })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  purity?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Under which conditions the stock is released' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(2000)
  releaseRules?: string;

  @ApiProperty({ example: '2025-03-31', description: 'The date the reported level refers to' })
  @IsISO8601({ strict: true }) @NotInFuture()
  reportedAt!: string;
}
