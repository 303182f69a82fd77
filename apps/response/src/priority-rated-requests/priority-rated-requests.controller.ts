import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { isCommission, mayActAsOperator, Principal } from '@imera/auth';
import { CurrentPrincipal, replyWith, requestContext, Roles } from '@imera/platform';
import { OperatorQueue, OperatorQueuesView } from '../read-models/operator-queues.view';
import { forbidden, HttpReply, HttpRequest, notVisible, requireVisible } from '../shared/http';
import { IsOperatorIdParam } from '../shared/params';
import { RecordsView } from '../shared/records-view';
import {
  HostConsentDto,
  IssuePriorityRatedRequestDto,
  OperatorResponseDto,
  ProposePriorityRatedRequestDto,
  RecordDeliveryDto,
  RefusePriorityRatedRequestDto,
} from './priority-rated-request.dto';
import { PriorityRatedRequestRecord, ShownPriorityRatedRequest, visiblePriorityRatedRequest } from './priority-rated-request.record';
import { PriorityRatedRequestWorkflow } from './priority-rated-request-workflow';

export const PRIORITY_RATED_REQUESTS_VIEW = Symbol('PriorityRatedRequestsView');
const LABEL = 'Priority-rated request';
const path = (prrId: string) => `/api/v1/priority-rated-requests/${prrId}`;
const READERS = ['crisis-cell', 'commission-analyst', 'member-state-authority', 'economic-operator'] as const;

@ApiTags('priority-rated requests')
@ApiBearerAuth()
@Controller('api/v1/priority-rated-requests')
export class PriorityRatedRequestsController {
  constructor(
    @Inject(PriorityRatedRequestWorkflow) private readonly workflow: PriorityRatedRequestWorkflow,
    @Inject(PRIORITY_RATED_REQUESTS_VIEW) private readonly view: RecordsView<PriorityRatedRequestRecord>,
    @Inject(OperatorQueuesView) private readonly queues: OperatorQueuesView,
  ) {}

  @Post()
  @Roles('member-state-authority')
  @ApiOperation({ summary: 'Ask the Commission to issue a priority-rated request (emergency mode, crisis-relevant goods)' })
  async propose(@Body() dto: ProposePriorityRatedRequestDto, @CurrentPrincipal() principal: Principal, @Req() request: HttpRequest, @Res({ passthrough: true }) reply: HttpReply) {
    const memberState = principal.role === 'member-state-authority' ? principal.memberState : '';
    return replyWith(reply, await this.workflow.propose(dto, memberState, requestContext(principal, request)), path(dto.prrId));
  }

  @Post(':prrId/host-consent')
  @Roles('member-state-authority')
  @ApiOperation({ summary: 'The Member State of the production site agrees or refuses, with reasons' })
  async hostConsent(@Param('prrId', ParseUUIDPipe) prrId: string, @Body() dto: HostConsentDto, @CurrentPrincipal() principal: Principal, @Req() request: HttpRequest, @Res({ passthrough: true }) reply: HttpReply) {
    const record = await this.visible(principal, prrId);
    if (principal.role !== 'member-state-authority' || principal.memberState !== record.hostMemberState) {
      throw forbidden(`Only ${record.hostMemberState}, where the production site is, decides on consent`);
    }
    return replyWith(reply, await this.workflow.decideHostConsent(prrId, principal.memberState, dto, requestContext(principal, request)), path(prrId));
  }

  @Post(':prrId/issue')
  @Roles('crisis-cell', 'commission-analyst')
  @ApiOperation({ summary: "Issue the request to the operator, with the legal basis and the response deadline; checks the operator's queue" })
  async issue(@Param('prrId', ParseUUIDPipe) prrId: string, @Body() dto: IssuePriorityRatedRequestDto, @CurrentPrincipal() principal: Principal, @Req() request: HttpRequest, @Res({ passthrough: true }) reply: HttpReply) {
    await this.visible(principal, prrId);
    return replyWith(reply, await this.workflow.issue(prrId, dto, requestContext(principal, request)), path(prrId));
  }

  @Post(':prrId/acceptance')
  @Roles('economic-operator')
  @ApiOperation({ summary: 'Accept a request issued to you, before its response deadline' })
  async accept(@Param('prrId', ParseUUIDPipe) prrId: string, @Body() dto: OperatorResponseDto, @CurrentPrincipal() principal: Principal, @Req() request: HttpRequest, @Res({ passthrough: true }) reply: HttpReply) {
    await this.addressedTo(principal, prrId, dto.operatorId);
    return replyWith(reply, await this.workflow.accept(prrId, dto.operatorId, requestContext(principal, request)), path(prrId));
  }

  @Post(':prrId/refusal')
  @Roles('economic-operator')
  @ApiOperation({ summary: 'Refuse a request issued to you, stating the ground and your reasons' })
  async refuse(@Param('prrId', ParseUUIDPipe) prrId: string, @Body() dto: RefusePriorityRatedRequestDto, @CurrentPrincipal() principal: Principal, @Req() request: HttpRequest, @Res({ passthrough: true }) reply: HttpReply) {
    await this.addressedTo(principal, prrId, dto.operatorId);
    return replyWith(reply, await this.workflow.refuse(prrId, dto, requestContext(principal, request)), path(prrId));
  }

  @Post(':prrId/deliveries')
  @Roles('economic-operator', 'member-state-authority')
  @ApiOperation({ summary: 'Record a delivery: by the operator or the requesting Member State' })
  async deliver(@Param('prrId', ParseUUIDPipe) prrId: string, @Body() dto: RecordDeliveryDto, @CurrentPrincipal() principal: Principal, @Req() request: HttpRequest, @Res({ passthrough: true }) reply: HttpReply) {
    const record = await this.visible(principal, prrId);
    const mayRecord =
      (principal.role === 'member-state-authority' && principal.memberState === record.requestingMemberState) ||
      (principal.role === 'economic-operator' && mayActAsOperator(principal, record.operator.operatorId));
    if (!mayRecord) throw forbidden(`Deliveries are recorded by ${record.operator.operatorId} or ${record.requestingMemberState}`);
    return replyWith(reply, await this.workflow.recordDelivery(prrId, dto, requestContext(principal, request)), path(prrId));
  }

  @Get('operator-queues/:operatorId')
  @Roles('crisis-cell', 'commission-analyst', 'economic-operator')
  @ApiOperation({ summary: "An operator's accepted requests by delivery date and its stated capacity: the conflict check's input" })
  queue(@Param('operatorId', IsOperatorIdParam) operatorId: string, @CurrentPrincipal() principal: Principal): OperatorQueue {
    if (!isCommission(principal) && !mayActAsOperator(principal, operatorId)) throw notVisible('Operator queue', operatorId);
    return this.queues.queueOf(operatorId);
  }

  @Get(':prrId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One request: the Commission, the requesting and host Member State; the operator once issued' })
  get(@Param('prrId', ParseUUIDPipe) prrId: string, @CurrentPrincipal() principal: Principal): Promise<ShownPriorityRatedRequest> {
    return this.visible(principal, prrId);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'The requests of a scope the caller may see' })
  @ApiQuery({ name: 'scopeId', required: false })
  list(@CurrentPrincipal() principal: Principal, @Query('scopeId') scopeId?: string): { priorityRatedRequests: ShownPriorityRatedRequest[] } {
    const shown = this.view.list(scopeId).map((record) => visiblePriorityRatedRequest(record, principal));
    return { priorityRatedRequests: shown.filter((record): record is ShownPriorityRatedRequest => record !== undefined) };
  }

  private async visible(principal: Principal, prrId: string): Promise<ShownPriorityRatedRequest> {
    return requireVisible(await this.workflow.read(prrId), (record) => visiblePriorityRatedRequest(record, principal), LABEL, prrId);
  }

  private async addressedTo(principal: Principal, prrId: string, operatorId: string): Promise<void> {
    const record = await this.visible(principal, prrId);
    if (!mayActAsOperator(principal, operatorId) || operatorId !== record.operator.operatorId) {
      throw forbidden(`You may respond only as ${record.operator.operatorId}, the operator the request is addressed to`);
    }
  }
}
