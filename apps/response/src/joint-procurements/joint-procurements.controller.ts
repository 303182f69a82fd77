import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { mayFileForMemberState, Principal } from '@imera/auth';
import { CurrentPrincipal, replyWith, requestContext, Roles } from '@imera/platform';
import { CommissionStepDto } from '../shared/common.dto';
import { forbidden, HttpReply, HttpRequest, requireVisible } from '../shared/http';
import { RecordsView } from '../shared/records-view';
import { AcceptJointProcurementDto, RecordSupplierOfferDto, RefuseJointProcurementDto, RequestJointProcurementDto, StateDemandDto } from './joint-procurement.dto';
import { JointProcurementRecord, visibleJointProcurement } from './joint-procurement.record';
import { JointProcurementWorkflow } from './joint-procurement-workflow';

export const JOINT_PROCUREMENTS_VIEW = Symbol('JointProcurementsView');
const LABEL = 'Joint procurement';
const path = (procurementId: string) => `/api/v1/joint-procurements/${procurementId}`;
const COMMISSION = ['crisis-cell', 'commission-analyst'] as const;
const READERS = ['crisis-cell', 'commission-analyst', 'member-state-authority'] as const;

type Request = HttpRequest;
type Reply = HttpReply;

@ApiTags('joint procurement')
@ApiBearerAuth()
@Controller('api/v1/joint-procurements')
export class JointProcurementsController {
  constructor(
    @Inject(JointProcurementWorkflow) private readonly workflow: JointProcurementWorkflow,
    @Inject(JOINT_PROCUREMENTS_VIEW) private readonly view: RecordsView<JointProcurementRecord>,
  ) {}

  @Post()
  @Roles('member-state-authority')
  @ApiOperation({ summary: 'Ask the Commission, with at least one other Member State, to buy on your behalf (IMERA Art 36+)' })
  async request(@Body() dto: RequestJointProcurementDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    if (!dto.requestingMemberStates.some((memberState) => mayFileForMemberState(principal, memberState))) {
      throw forbidden('Your Member State must be one of the requesting Member States');
    }
    return replyWith(reply, await this.workflow.request(dto, requestContext(principal, request)), path(dto.procurementId));
  }

  @Post(':procurementId/acceptance')
  @Roles(...COMMISSION)
  @ApiOperation({ summary: 'Accept, with reasons: every Member State is invited to state demand until the deadline' })
  async accept(@Param('procurementId', ParseUUIDPipe) id: string, @Body() dto: AcceptJointProcurementDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.visible(principal, id);
    return replyWith(reply, await this.workflow.accept(id, dto, requestContext(principal, request)), path(id));
  }

  @Post(':procurementId/refusal')
  @Roles(...COMMISSION)
  @ApiOperation({ summary: 'Refuse, with reasons (IMERA Art 36+)' })
  async refuse(@Param('procurementId', ParseUUIDPipe) id: string, @Body() dto: RefuseJointProcurementDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.visible(principal, id);
    return replyWith(reply, await this.workflow.refuse(id, dto, requestContext(principal, request)), path(id));
  }

  @Post(':procurementId/demands')
  @Roles('member-state-authority')
  @ApiOperation({ summary: "State your Member State's demand for a material before the deadline; 0 withdraws it" })
  async stateDemand(@Param('procurementId', ParseUUIDPipe) id: string, @Body() dto: StateDemandDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.visible(principal, id);
    if (!mayFileForMemberState(principal, dto.memberState)) throw forbidden(`You may state demand only for your own Member State, not ${dto.memberState}`);
    return replyWith(reply, await this.workflow.stateDemand(id, dto, requestContext(principal, request)), path(id));
  }

  @Post(':procurementId/aggregation')
  @Roles(...COMMISSION)
  @ApiOperation({ summary: 'Close demand after the deadline and aggregate it per material' })
  async aggregate(@Param('procurementId', ParseUUIDPipe) id: string, @Body() dto: CommissionStepDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.visible(principal, id);
    return replyWith(reply, await this.workflow.aggregateDemand(id, dto, requestContext(principal, request)), path(id));
  }

  @Post(':procurementId/offers')
  @Roles(...COMMISSION)
  @ApiOperation({ summary: "Record a supplier's offer for a material of the procurement" })
  async recordOffer(@Param('procurementId', ParseUUIDPipe) id: string, @Body() dto: RecordSupplierOfferDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.visible(principal, id);
    return replyWith(reply, await this.workflow.recordOffer(id, dto, requestContext(principal, request)), path(id));
  }

  @Post(':procurementId/matching')
  @Roles(...COMMISSION)
  @ApiOperation({ summary: 'Match demand and offers pro rata (ADR 0008)' })
  async match(@Param('procurementId', ParseUUIDPipe) id: string, @Body() dto: CommissionStepDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.visible(principal, id);
    return replyWith(reply, await this.workflow.match(id, dto, requestContext(principal, request)), path(id));
  }

  @Post(':procurementId/publication')
  @Roles(...COMMISSION)
  @ApiOperation({ summary: 'Publish the results to the participating Member States' })
  async publish(@Param('procurementId', ParseUUIDPipe) id: string, @Body() dto: CommissionStepDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.visible(principal, id);
    return replyWith(reply, await this.workflow.publish(id, dto, requestContext(principal, request)), path(id));
  }

  @Get(':procurementId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One procurement: requesting and invited Member States see their own demand and, once published, their share' })
  get(@Param('procurementId', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<JointProcurementRecord> {
    return this.visible(principal, id);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'The procurements of a scope the caller may see' })
  @ApiQuery({ name: 'scopeId', required: false })
  list(@CurrentPrincipal() principal: Principal, @Query('scopeId') scopeId?: string): { jointProcurements: JointProcurementRecord[] } {
    const shown = this.view.list(scopeId).map((record) => visibleJointProcurement(record, principal));
    return { jointProcurements: shown.filter((record): record is JointProcurementRecord => record !== undefined) };
  }

  private async visible(principal: Principal, id: string): Promise<JointProcurementRecord> {
    return requireVisible(await this.workflow.read(id), (record) => visibleJointProcurement(record, principal), LABEL, id);
  }
}
