import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsISO8601, IsNumber, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { INFORMATION_TOPICS, InformationTopic } from '@imera/domain/information-requests';
import { IsMemberStateCode } from '../../../intake/src/reference-validators';
import { IsGoods, IsOperatorId, IsScopeId, IsText } from '../shared/identifiers';

export class AddressedOperatorDto {
  @ApiProperty({ example: 'DE-magnets-0042' })
  @IsOperatorId()
  operatorId!: string;

  @ApiProperty({ example: 'Hanau Magnet Works GmbH' })
  @IsText(200)
  operatorName!: string;

  @ApiProperty({ example: 'DE', description: 'Member State of establishment: the only one that may read the answer' })
  @IsMemberStateCode()
  memberState!: string;
}

/** IMERA Art 27: a request for information addressed to economic operators, with a deadline. */
export class IssueInformationRequestDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the Commission; re-sending the same id is safe' })
  @IsUUID()
  requestId!: string;

  @ApiProperty({ example: 'rare-earth-magnets' })
  @IsScopeId()
  scopeId!: string;

  @ApiProperty({ description: 'Mandatory requests exist only in emergency mode and for crisis-relevant goods (IMERA Art 26)' })
  @IsBoolean()
  mandatory!: boolean;

  @ApiProperty({ enum: INFORMATION_TOPICS, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(INFORMATION_TOPICS, { each: true })
  topics!: InformationTopic[];

  @ApiProperty({ example: ['sintered NdFeB magnets'], description: 'Goods on the lists of the act that activated the mode' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ArrayUnique() @IsGoods({ each: true })
  goods!: string[];

  @ApiProperty({ maxLength: 8000 })
  @IsText(8000)
  questions!: string;

  @ApiProperty({ type: [AddressedOperatorDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => AddressedOperatorDto)
  addressees!: AddressedOperatorDto[];

  @ApiProperty({ example: '2026-06-15T16:00:00Z' })
  @IsISO8601({ strict: true })
  deadline!: string;
}

export class ReportedFigureDto {
  @ApiProperty({ enum: INFORMATION_TOPICS })
  @IsIn(INFORMATION_TOPICS)
  topic!: InformationTopic;

  @ApiProperty({ example: 'Sintered NdFeB output' })
  @IsText(200)
  label!: string;

  @ApiPropertyOptional({ example: 'sintered NdFeB magnets' })
  @IsOptional() @IsGoods()
  goods?: string;

  @ApiProperty({ example: 4, minimum: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e12)
  value!: number;

  @ApiProperty({ example: 't/day', description: 'Production capacity stated as <unit>/day, /week or /year feeds the conflict check of priority-rated requests' })
  @IsText(40)
  unit!: string;

  @ApiPropertyOptional({ example: 'as of 2026-06-01' })
  @IsOptional() @IsText(100)
  period?: string;
}

export class AnswerInformationRequestDto {
  @ApiProperty({ example: 'DE-magnets-0042', description: 'The answering operator: the caller itself' })
  @IsOperatorId()
  operatorId!: string;

  @ApiProperty({ type: [ReportedFigureDto] })
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ReportedFigureDto)
  figures!: ReportedFigureDto[];

  @ApiProperty({ maxLength: 8000, description: 'May be empty when figures are given' })
  @IsText(8000) @IsOptional()
  text?: string;
}

export class DeclineInformationRequestDto {
  @ApiProperty({ example: 'DE-magnets-0042' })
  @IsOperatorId()
  operatorId!: string;

  @ApiProperty({ maxLength: 4000, description: 'IMERA Art 27: an operator that does not provide the information explains why' })
  @IsText(4000)
  reasons!: string;
}
