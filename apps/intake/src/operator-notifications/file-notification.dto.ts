import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DISRUPTION_TYPES, DisruptionType, OPERATOR_ROLES, OperatorRole } from '@imera/domain/operator-notifications';
import { NotInFuture } from '@imera/platform';
import { IsKnownMaterial, IsMemberStateCode } from '../reference-validators';

export class ProductionSiteDto {
  @ApiProperty({ example: 'Hanau plant' })
  @IsString() @MinLength(1) @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'DE', description: 'Member State where the site is' })
  @IsMemberStateCode()
  country!: string;
}

export class KeyMarketOperatorDto {
  @ApiProperty({ example: 'DE-magnets-0042', description: 'Operator id as the Member State registers it' })
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, { message: 'id must be 1-100 letters, digits or . _ : -' })
  id!: string;

  @ApiProperty({ example: 'Hanau Magnet Works GmbH' })
  @IsString() @MinLength(1) @MaxLength(200)
  name!: string;

  @ApiProperty({ type: ProductionSiteDto })
  @IsObject() @ValidateNested() @Type(() => ProductionSiteDto)
  site!: ProductionSiteDto;

  @ApiProperty({ enum: OPERATOR_ROLES })
  @IsIn(OPERATOR_ROLES)
  role!: OperatorRole;
}

export class NotificationImpactDto {
  @ApiProperty({ example: 0.4, minimum: 0, maximum: 1, description: "Share of the operator's capacity affected" })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  capacityShareAffected!: number;

  @ApiProperty({ example: 120, minimum: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100_000_000)
  tonnesPerYearAffected!: number;

  @ApiProperty({ example: 60, minimum: 0, maximum: 3650 })
  @IsInt() @Min(0) @Max(3650)
  expectedDurationDays!: number;

  @ApiPropertyOptional({ example: 21, minimum: 0, maximum: 3650, description: 'Days the operator can continue on its own stock' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(3650)
  stockCoverDays?: number;
}

/** A Member State authority's notification about a key market operator (CRMA Art 21(2)). */
export class FileNotificationDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the filer; re-sending the same id is safe' })
  @IsUUID()
  notificationId!: string;

  @ApiProperty({ example: 'DE', description: 'The filing Member State (EU country code, EL for Greece)' })
  @IsMemberStateCode()
  memberState!: string;

  @ApiProperty({ type: KeyMarketOperatorDto })
  @IsObject() @ValidateNested() @Type(() => KeyMarketOperatorDto)
  operator!: KeyMarketOperatorDto;

  @ApiProperty({ example: 'dysprosium', description: 'Raw-material code from the reference data' })
  @IsKnownMaterial()
  material!: string;

  @ApiProperty({ enum: DISRUPTION_TYPES })
  @IsIn(DISRUPTION_TYPES)
  disruptionType!: DisruptionType;

  @ApiProperty({ type: NotificationImpactDto })
  @IsObject() @ValidateNested() @Type(() => NotificationImpactDto)
  impact!: NotificationImpactDto;

  @ApiProperty({ example: '2025-04-20T00:00:00Z' })
  @IsISO8601({ strict: true }) @NotInFuture()
  occurredAt!: string;

  @ApiProperty({ maxLength: 4000 })
  @IsString() @MinLength(1) @MaxLength(4000)
  description!: string;

  @ApiPropertyOptional({ default: true, description: 'Confidential details are shown only to the filing Member State and the Commission' })
  @IsOptional() @IsBoolean()
  confidential?: boolean;
}

export class NotificationFollowUpDto {
  @ApiProperty({ type: NotificationImpactDto })
  @IsObject() @ValidateNested() @Type(() => NotificationImpactDto)
  impact!: NotificationImpactDto;

  @ApiProperty({ maxLength: 4000 })
  @IsString() @MinLength(1) @MaxLength(4000)
  description!: string;
}

export class NotificationResolutionDto {
  @ApiProperty({ maxLength: 4000 })
  @IsString() @MinLength(1) @MaxLength(4000)
  description!: string;
}
