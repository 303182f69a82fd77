import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@imera/auth';
import { CurrentPrincipal, replyWith, requestContext, Roles } from '@imera/platform';
import { CouncilActIntake } from '../council-acts/council-act-intake';
import { CouncilActDto } from '../council-acts/council-act.dto';
import { CrisisMonitorProjection } from '../monitor/crisis-monitor.projection';
import { redactFor } from './confidentiality';
import { SCOPE_READERS } from './readers';
import { ScopeDetail, ScopeQueries, ScopeSummary } from './scope-queries';

type Request = Parameters<typeof requestContext>[1];
type Reply = Parameters<typeof replyWith>[0];

@ApiTags('crisis scopes')
@ApiBearerAuth()
@Controller('api/v1/scopes')
export class ScopesController {
  constructor(
    @Inject(ScopeQueries) private readonly queries: ScopeQueries,
    @Inject(CouncilActIntake) private readonly councilActs: CouncilActIntake,
    @Inject(CrisisMonitorProjection) private readonly monitor: CrisisMonitorProjection,
  ) {}

  @Get()
  @Roles(...SCOPE_READERS)
  @ApiOperation({ summary: "Every crisis scope: its IMERA mode, since and until when, open proposal and headline indicators" })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ scopes: ScopeSummary[] }> {
    return redactFor(principal, { scopes: await this.queries.list() }, this.lookup);
  }

  @Get(':scopeId')
  @Roles(...SCOPE_READERS)
  @ApiOperation({ summary: 'One scope: transitions with their evidence, proposals, materials, indicators and every event naming it' })
  async get(@Param('scopeId') scopeId: string, @CurrentPrincipal() principal: Principal): Promise<ScopeDetail> {
    const detail = await this.queries.detail(scopeId);
    if (!detail) throw new NotFoundException(`There is no crisis scope ${scopeId}`);
    return redactFor(principal, detail, this.lookup);
  }

  @Post(':scopeId/council-acts')
  @Roles('council-secretariat')
  @ApiOperation({ summary: 'Record a Council implementing act activating, extending or deactivating vigilance or emergency mode (IMERA Art 14-15, 17-18)' })
  async recordCouncilAct(
    @Param('scopeId') scopeId: string,
    @Body() dto: CouncilActDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const result = await this.councilActs.record(scopeId, dto, requestContext(principal, request));
    return replyWith(reply, result, `/api/v1/scopes/${scopeId}`);
  }

  private readonly lookup = (notificationId: string) => this.monitor.state.notifications[notificationId];
}
