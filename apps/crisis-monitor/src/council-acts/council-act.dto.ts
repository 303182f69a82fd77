import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EscalatedMode } from '@imera/domain/imera-modes';
import { NotInFuture } from '@imera/platform';
import { OnlyWhen, PresentOrRequiredWhen, RequiredWhen } from './conditional-fields';

export const COUNCIL_DECISIONS = ['activation', 'extension', 'deactivation'] as const;
export type CouncilDecision = (typeof COUNCIL_DECISIONS)[number];
export const ESCALATED_MODES = ['vigilance', 'emergency'] as const satisfies readonly EscalatedMode[];

const activation = (dto: CouncilActDto) => dto.decision === 'activation';
const extension = (dto: CouncilActDto) => dto.decision === 'extension';
const activationOf = (mode: EscalatedMode) => (dto: CouncilActDto) => activation(dto) && dto.mode === mode;
const listsGoodsOf = (mode: EscalatedMode) => (dto: CouncilActDto) => dto.mode === mode && (activation(dto) || extension(dto));

export class ModePeriodDto {
  @ApiProperty({ example: '2025-04-08T00:00:00Z', description: 'When the mode applies from' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ example: '2025-10-08T00:00:00Z', description: 'When it ends unless extended (vigilance: at most six months, IMERA Art 14-15)' })
  @IsISO8601({ strict: true })
  until!: string;
}

/** Decorators of a goods list: present when required, non-empty, distinct, short names. */
function GoodsList(mode: EscalatedMode, what: string): PropertyDecorator {
  return (target, key) => {
    PresentOrRequiredWhen(activationOf(mode))(target, key);
    RequiredWhen(activationOf(mode), `the activation of ${mode} mode (${what})`)(target, key);
    OnlyWhen(listsGoodsOf(mode), `the activation or extension of ${mode} mode`)(target, key);
    IsArray()(target, key);
    ArrayMinSize(1)(target, key);
    ArrayMaxSize(500)(target, key);
    ArrayUnique()(target, key);
    IsString({ each: true })(target, key);
    MinLength(1, { each: true })(target, key);
    MaxLength(300, { each: true })(target, key);
  };
}

/**
 * A Council implementing act on a Commission proposal for a crisis scope, as the Council secretariat
 * records it: activation, extension or deactivation of vigilance or emergency mode.
 */
export class CouncilActDto {
  @ApiProperty({ enum: COUNCIL_DECISIONS })
  @IsIn(COUNCIL_DECISIONS)
  decision!: CouncilDecision;

  @ApiProperty({ enum: ESCALATED_MODES })
  @IsIn(ESCALATED_MODES)
  mode!: EscalatedMode;

  @ApiProperty({ example: 'rare-earth-magnets.vigilance.2025-04-04T10:00:00.000Z', description: 'The open proposal the act decides on' })
  @IsString() @MinLength(1) @MaxLength(200)
  proposalId!: string;

  @ApiProperty({ example: 'Council Implementing Decision (EU) 2025/812', description: "The act's official reference" })
  @IsString() @MinLength(1) @MaxLength(300) @Matches(/\S/, { message: 'reference must not be blank' })
  reference!: string;

  @ApiProperty({ example: '2025-04-08', description: 'Date of adoption' })
  @IsISO8601({ strict: true }) @NotInFuture()
  adoptedOn!: string;

  @ApiPropertyOptional({ type: ModePeriodDto, description: 'Activation only: the period the act states' })
  @PresentOrRequiredWhen(activation)
  @RequiredWhen(activation, 'an activation')
  @OnlyWhen(activation, 'an activation')
  @ValidateNested() @Type(() => ModePeriodDto)
  period?: ModePeriodDto;

  @ApiPropertyOptional({ example: '2026-04-08T00:00:00Z', description: 'Extension only: the new end of the period' })
  @PresentOrRequiredWhen(extension)
  @RequiredWhen(extension, 'an extension')
  @OnlyWhen(extension, 'an extension')
  @IsISO8601({ strict: true })
  until?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['sintered NdFeB permanent magnets', 'dysprosium oxide'],
    description: 'IMERA Art 14-15: goods and services of critical importance. Required to activate vigilance; on an extension, replaces the list',
  })
  @GoodsList('vigilance', 'IMERA Art 14-15')
  goodsOfCriticalImportance?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['sintered NdFeB permanent magnets'],
    description: 'IMERA Art 18(4): crisis-relevant goods and services. Required to activate emergency; on an extension, replaces the list',
  })
  @GoodsList('emergency', 'IMERA Art 18(4)')
  crisisRelevantGoods?: string[];
}
