import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { EXPORT_CONTROL_TYPES, ExportControlType } from '@imera/domain/export-controls';
import { IsCountryCode, IsKnownMaterial } from '../reference-validators';

const MEASURE_ID = /^[a-z0-9][a-z0-9-]{2,79}$/;

/** A third-country export-control measure as announced. */
export class RecordExportControlDto {
  @ApiProperty({ example: 'cn-mofcom-2025-18', description: 'Stable id chosen by the analyst: lower case, digits, dashes' })
  @Matches(MEASURE_ID, { message: 'measureId must be 3-80 lower-case letters, digits or dashes' })
  measureId!: string;

  @ApiProperty({ example: 'CN' })
  @IsCountryCode()
  country!: string;

  @ApiProperty({ example: 'MOFCOM / General Administration of Customs' })
  @IsString() @MinLength(1) @MaxLength(200)
  issuingAuthority!: string;

  @ApiProperty({ example: 'MOFCOM/GAC Announcement No. 18 of 2025' })
  @IsString() @MinLength(1) @MaxLength(300)
  reference!: string;

  @ApiProperty({ example: '2025-04-04' })
  @IsISO8601({ strict: true })
  announcedOn!: string;

  @ApiProperty({ example: '2025-04-04', description: 'A future date schedules the entry into force' })
  @IsISO8601({ strict: true })
  effectiveFrom!: string;

  @ApiProperty({ enum: EXPORT_CONTROL_TYPES })
  @IsIn(EXPORT_CONTROL_TYPES)
  type!: ExportControlType;

  @ApiProperty({ example: ['dysprosium', 'terbium'], type: [String] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(60) @ArrayUnique() @IsKnownMaterial({ each: true })
  materials!: string[];

  @ApiProperty({ oneOf: [{ type: 'string', enum: ['all'] }, { type: 'array', items: { type: 'string' } }], example: 'all' })
  @ValidateIf((dto: RecordExportControlDto) => dto.destinations !== 'all')
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(250) @IsCountryCode({ each: true })
  destinations!: 'all' | string[];

  @ApiPropertyOptional({ example: 0.001, description: 'Share of controlled content that triggers an extraterritorial control' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  deMinimisShare?: number;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional() @IsString() @MaxLength(4000)
  items?: string;

  @ApiPropertyOptional({ type: [String], example: ['8112929010'] })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @Matches(/^\d{4,10}$/, { each: true, message: 'each HS code must be 4-10 digits' })
  hsCodes?: string[];

  @ApiPropertyOptional({ maxLength: 1000, description: 'Where the analyst found it' })
  @IsOptional() @IsString() @MaxLength(1000)
  source?: string;
}

export class SuspendExportControlDto {
  @ApiProperty({ example: 'MOFCOM Announcement No. 70 of 2025' })
  @IsString() @MinLength(1) @MaxLength(300)
  reference!: string;

  @ApiProperty({ example: '2025-11-10', description: 'When the suspension starts; a later date changes the status by itself' })
  @IsISO8601({ strict: true })
  suspendedFrom!: string;

  @ApiPropertyOptional({ example: '2026-11-10', description: 'When the measure applies again; a date that passes changes the status by itself' })
  @IsOptional() @IsISO8601({ strict: true })
  suspendedUntil?: string;
}

export class LiftExportControlDto {
  @ApiProperty()
  @IsString() @MinLength(1) @MaxLength(300)
  reference!: string;

  @ApiProperty({ example: '2026-01-01', description: 'When the lifting applies; until a later date the measure stays as it is' })
  @IsISO8601({ strict: true })
  liftedOn!: string;
}

export class AmendExportControlDto {
  @ApiProperty()
  @IsString() @MinLength(1) @MaxLength(300)
  reference!: string;

  @ApiProperty({ example: '2025-12-01', description: 'When the amendment applies; a later date applies it then, and no other amendment is taken meanwhile' })
  @IsISO8601({ strict: true })
  amendedOn!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(60) @ArrayUnique() @IsKnownMaterial({ each: true })
  materials?: string[];

  @ApiPropertyOptional({ oneOf: [{ type: 'string', enum: ['all'] }, { type: 'array', items: { type: 'string' } }] })
  @IsOptional()
  @ValidateIf((dto: AmendExportControlDto) => dto.destinations !== 'all')
  @IsArray() @ArrayMinSize(1) @IsCountryCode({ each: true })
  destinations?: 'all' | string[];

  @ApiPropertyOptional({ enum: EXPORT_CONTROL_TYPES })
  @IsOptional() @IsIn(EXPORT_CONTROL_TYPES)
  type?: ExportControlType;

  @ApiPropertyOptional()
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  deMinimisShare?: number;
}
