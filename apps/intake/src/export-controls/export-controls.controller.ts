import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@imera/auth';
import { CurrentPrincipal, replyWith, requestContext, Roles } from '@imera/platform';
import { AmendExportControlDto, LiftExportControlDto, RecordExportControlDto, SuspendExportControlDto } from './export-control.dto';
import { ExportControlIntake } from './export-control-intake';
import { ExportControlsView, MeasureRecord } from './export-controls.view';

type Request = Parameters<typeof requestContext>[1];
type Reply = Parameters<typeof replyWith>[0];

/**
 * Measures are public information, readable by every live role; exercise runners are left out because an
 * exercise token never reaches live data.
 */
const MEASURE_READERS = ['member-state-authority', 'commission-analyst', 'crisis-cell', 'council-secretariat', 'economic-operator'] as const;

@ApiTags('export controls')
@ApiBearerAuth()
@Controller('api/v1/export-controls')
export class ExportControlsController {
  constructor(
    @Inject(ExportControlIntake) private readonly intake: ExportControlIntake,
    @Inject(ExportControlsView) private readonly view: ExportControlsView,
  ) {}

  @Post()
  @Roles('commission-analyst')
  @ApiOperation({ summary: 'Record a third-country export-control measure; a future effective date is scheduled' })
  async record(@Body() dto: RecordExportControlDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    const result = await this.intake.record(dto, requestContext(principal, request));
    return replyWith(reply, result, `/api/v1/export-controls/${dto.measureId}`);
  }

  @Post(':measureId/suspensions')
  @Roles('commission-analyst')
  @ApiOperation({ summary: 'Record a suspension; a later start date and the end date change the status by themselves' })
  async suspend(@Param('measureId') measureId: string, @Body() dto: SuspendExportControlDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.known(measureId);
    return replyWith(reply, await this.intake.suspend(measureId, dto, requestContext(principal, request)), `/api/v1/export-controls/${measureId}`);
  }

  @Post(':measureId/lifting')
  @Roles('commission-analyst')
  @ApiOperation({ summary: 'Record that a measure is lifted; a later lifting date changes the status by itself' })
  async lift(@Param('measureId') measureId: string, @Body() dto: LiftExportControlDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.known(measureId);
    return replyWith(reply, await this.intake.lift(measureId, dto, requestContext(principal, request)), `/api/v1/export-controls/${measureId}`);
  }

  @Post(':measureId/amendments')
  @Roles('commission-analyst')
  @ApiOperation({ summary: 'Record an amendment of a measure (materials, destinations, type, de minimis share); a later date applies it then' })
  async amend(@Param('measureId') measureId: string, @Body() dto: AmendExportControlDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.known(measureId);
    return replyWith(reply, await this.intake.amend(measureId, dto, requestContext(principal, request)), `/api/v1/export-controls/${measureId}`);
  }

  @Get()
  @Roles(...MEASURE_READERS)
  @ApiOperation({ summary: 'List recorded measures with their status' })
  list(): { measures: MeasureRecord[] } {
    return { measures: this.view.list() };
  }

  @Get(':measureId')
  @Roles(...MEASURE_READERS)
  @ApiOperation({ summary: 'One measure with its status and history' })
  get(@Param('measureId') measureId: string): Promise<MeasureRecord> {
    return this.known(measureId);
  }

  private async known(measureId: string): Promise<MeasureRecord> {
    const record = await this.intake.read(measureId);
    if (!record) throw new NotFoundException(`Measure ${measureId} not found`);
    return record;
  }
}
