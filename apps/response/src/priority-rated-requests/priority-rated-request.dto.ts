import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsUUID, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { REFUSAL_GROUNDS, RefusalGround } from '@imera/domain/priority-rated-requests';
import { IsMemberStateCode } from '../../../intake/src/reference-validators';
import { CommissionStepDto, IsCalendarDate, QuantityDto } from '../shared/common.dto';
import { IsGoods, IsOperatorId, IsReference, IsScopeId, IsText } from '../shared/identifiers';

export class ProductionSiteDto {
  @ApiProperty({ example: 'Hanau plant' })
  @IsText(200)
  name!: string;

  @ApiProperty({ example: 'DE', description: 'The host Member State, whose prior consent is needed' })
  @IsMemberStateCode()
  country!: string;
}

export class RatedOperatorDto {
  @ApiProperty({ example: 'DE-magnets-0042' })
  @IsOperatorId()
  operatorId!: string;

  @ApiProperty({ example: 'Hanau Magnet Works GmbH' })
  @IsText(200)
  operatorName!: string;

  @ApiProperty({ type: ProductionSiteDto })
  @IsObject() @ValidateNested() @Type(() => ProductionSiteDto)
  site!: ProductionSiteDto;
}

/** A Member State asks the Commission to issue a priority-rated request (emergency mode, crisis-relevant goods). */
export class ProposePriorityRatedRequestDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the requesting Member State; re-sending the same id is safe' })
  @IsUUID()
  prrId!: string;

  @ApiProperty({ example: 'rare-earth-magnets' })
  @IsScopeId()
  scopeId!: string;

  @ApiProperty({ type: RatedOperatorDto })
  @IsObject() @ValidateNested() @Type(() => RatedOperatorDto)
  operator!: RatedOperatorDto;

  @ApiProperty({ example: 'sintered NdFeB magnets', description: 'On the crisis-relevant list of the emergency act (IMERA Art 26)' })
  @IsGoods()
  goods!: string;

  @ApiProperty({ maxLength: 4000 })
  @IsText(4000)
  specification!: string;

  @ApiProperty({ type: QuantityDto })
  @IsObject() @ValidateNested() @Type(() => QuantityDto)
  quantity!: QuantityDto;

  @ApiProperty({ example: '2026-07-31', description: 'Local date by which the goods are needed' })
  @IsCalendarDate()
  deliveryDate!: string;

  @ApiProperty({ maxLength: 4000 })
  @IsText(4000)
  justification!: string;
}

export class HostConsentDto {
  @ApiProperty({ description: 'Prior agreement of the Member State where the production site is' })
  @IsBoolean()
  consent!: boolean;

  @ApiPropertyOptional({ maxLength: 4000, description: 'Required when consent is refused' })
  @ValidateIf((dto: HostConsentDto) => dto.consent === false || dto.reasons !== undefined) @IsText(4000)
  reasons?: string;
}

export class IssuePriorityRatedRequestDto extends CommissionStepDto {
  @ApiProperty({ example: 'Regulation (EU) 2024/2747, Article 26' })
  @IsText(500)
  legalBasis!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, description: 'Working days to answer; the configured default otherwise' })
  @IsOptional() @IsInt() @Min(1) @Max(60)
  responseWorkingDays?: number;
}

export class OperatorResponseDto {
  @ApiProperty({ example: 'DE-magnets-0042', description: 'The addressed operator: the caller itself' })
  @IsOperatorId()
  operatorId!: string;
}

export class RefusePriorityRatedRequestDto extends OperatorResponseDto {
  @ApiProperty({ enum: REFUSAL_GROUNDS })
  @IsIn(REFUSAL_GROUNDS)
  ground!: RefusalGround;

  @ApiProperty({ maxLength: 4000, description: 'The request tells the operator it may refuse; a refusal states its reasons' })
  @IsText(4000)
  reasons!: string;
}

export class RecordDeliveryDto {
  @ApiProperty({ example: 'DN-2026-0611-01', description: 'Delivery note: one delivery, however often it is sent' })
  @IsReference()
  deliveryReference!: string;

  @ApiProperty({ example: 12, description: "In the request's unit" })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.000001) @Max(1e12)
  amount!: number;

  @ApiProperty({ example: '2026-06-20' })
  @IsCalendarDate()
  deliveredOn!: string;
}
