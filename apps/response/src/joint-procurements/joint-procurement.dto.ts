import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsISO8601, IsNumber, IsObject, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsKnownMaterial, IsMemberStateCode } from '../../../intake/src/reference-validators';
import { IsReference, IsScopeId, IsText } from '../shared/identifiers';

const MAX_UNITS = 1e12;

export class ProcuredMaterialDto {
  @ApiProperty({ example: 'dysprosium' })
  @IsKnownMaterial()
  material!: string;

  @ApiProperty({ example: 'kg', description: 'The whole unit demand and offers are stated in' })
  @IsText(40)
  unit!: string;
}

/** IMERA Art 36+: at least two Member States ask the Commission to buy on their behalf. */
export class RequestJointProcurementDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the requesting Member State; re-sending the same id is safe' })
  @IsUUID()
  procurementId!: string;

  @ApiProperty({ example: 'rare-earth-magnets' })
  @IsScopeId()
  scopeId!: string;

  @ApiProperty({ example: ['DE', 'FR'], description: 'At least two, the caller among them' })
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(27) @ArrayUnique() @IsMemberStateCode({ each: true })
  requestingMemberStates!: string[];

  @ApiProperty({ type: [ProcuredMaterialDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ProcuredMaterialDto)
  materials!: ProcuredMaterialDto[];

  @ApiProperty({ maxLength: 4000 })
  @IsText(4000)
  rationale!: string;
}

export class AcceptJointProcurementDto {
  @ApiProperty({ maxLength: 4000, description: 'The assessment with the Board, kept for the audit trail' })
  @IsText(4000)
  reasons!: string;

  @ApiProperty({ example: '2026-06-22T16:00:00Z', description: 'Until when invited Member States may state demand' })
  @IsISO8601({ strict: true })
  demandDeadline!: string;
}

export class RefuseJointProcurementDto {
  @ApiProperty({ maxLength: 4000, description: 'IMERA Art 36+: a refusal states its reasons' })
  @IsText(4000)
  reasons!: string;
}

export class StateDemandDto {
  @ApiProperty({ example: 'DE', description: 'The caller\'s Member State' })
  @IsMemberStateCode()
  memberState!: string;

  @ApiProperty({ example: 'dysprosium' })
  @IsKnownMaterial()
  material!: string;

  @ApiProperty({ example: 400, description: 'Whole units; 0 withdraws an earlier statement' })
  @IsInt() @Min(0) @Max(MAX_UNITS)
  quantity!: number;
}

export class UnitPriceDto {
  @ApiProperty({ example: 410 })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e12)
  amount!: number;

  @ApiProperty({ example: 'EUR' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;
}

export class RecordSupplierOfferDto {
  @ApiProperty({ example: 'offer-001' })
  @IsReference()
  offerId!: string;

  @ApiProperty({ example: 'supplier-ma-01' })
  @IsReference()
  supplierId!: string;

  @ApiProperty({ example: 'Atlas Rare Earths SA' })
  @IsText(200)
  supplierName!: string;

  @ApiProperty({ example: 'dysprosium' })
  @IsKnownMaterial()
  material!: string;

  @ApiProperty({ example: 300 })
  @IsInt() @Min(1) @Max(MAX_UNITS)
  quantity!: number;

  @ApiPropertyOptional({ type: UnitPriceDto, description: 'Recorded; the matching does not use it (ADR 0008)' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => UnitPriceDto)
  unitPrice?: UnitPriceDto;
}
