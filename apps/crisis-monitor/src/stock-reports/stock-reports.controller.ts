import { Body, Controller, ForbiddenException, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { mayFileForMemberState, Principal } from '@imera/auth';
import { stockReportsOf, TrackedStock } from '@imera/domain/supply-indicators';
import { CurrentPrincipal, replyWith, requestContext, Roles } from '@imera/platform';
import { CrisisMonitorProjection } from '../monitor/crisis-monitor.projection';
import { StockReportIntake } from './stock-report-intake';
import { StockReportDto } from './stock-report.dto';

type Request = Parameters<typeof requestContext>[1];
type Reply = Parameters<typeof replyWith>[0];

@ApiTags('strategic stocks')
@ApiBearerAuth()
@Controller('api/v1/stock-reports')
export class StockReportsController {
  constructor(
    @Inject(StockReportIntake) private readonly intake: StockReportIntake,
    @Inject(CrisisMonitorProjection) private readonly monitor: CrisisMonitorProjection,
  ) {}

  @Post()
  @Roles('member-state-authority')
  @ApiOperation({ summary: 'Report the strategic stock of a raw material held by your Member State (CRMA Art 22)' })
  async report(@Body() dto: StockReportDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    // CRMA Art 22: each Member State reports its own stocks.
    if (!mayFileForMemberState(principal, dto.memberState)) {
      throw new ForbiddenException(`You may report only your own Member State's stocks, not ${dto.memberState}'s`);
    }
    const result = await this.intake.report(dto, requestContext(principal, request));
    return replyWith(reply, result, `/api/v1/stock-reports?memberState=${dto.memberState}&material=${dto.material}`);
  }

  @Get()
  @Roles('member-state-authority', 'commission-analyst', 'crisis-cell')
  @ApiOperation({ summary: 'The latest reported level per Member State and material: a Member State sees its own, the Commission all' })
  @ApiQuery({ name: 'material', required: false })
  @ApiQuery({ name: 'memberState', required: false })
  list(@CurrentPrincipal() principal: Principal, @Query('material') material?: string, @Query('memberState') memberState?: string): { stocks: TrackedStock[] } {
    const own = principal.role === 'member-state-authority' ? principal.memberState : undefined;
    const stocks = stockReportsOf(this.monitor.state.supply).filter(
      (stock) => (!own || stock.memberState === own) && (!memberState || stock.memberState === memberState) && (!material || stock.material === material),
    );
    return { stocks };
  }
}
