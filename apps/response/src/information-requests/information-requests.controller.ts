import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { mayActAsOperator, Principal } from '@imera/auth';
import { CurrentPrincipal, replyWith, requestContext, Roles } from '@imera/platform';
import { forbidden, HttpReply, HttpRequest, requireVisible } from '../shared/http';
import { RecordsView } from '../shared/records-view';
import { AnswerInformationRequestDto, DeclineInformationRequestDto, IssueInformationRequestDto } from './information-request.dto';
import { InformationRequestRecord, visibleInformationRequest } from './information-request.record';
import { InformationRequestWorkflow } from './information-request-workflow';

export const INFORMATION_REQUESTS_VIEW = Symbol('InformationRequestsView');
const LABEL = 'Information request';
const path = (requestId: string) => `/api/v1/information-requests/${requestId}`;

@ApiTags('information requests')
@ApiBearerAuth()
@Controller('api/v1/information-requests')
export class InformationRequestsController {
  constructor(
    @Inject(InformationRequestWorkflow) private readonly workflow: InformationRequestWorkflow,
    @Inject(INFORMATION_REQUESTS_VIEW) private readonly view: RecordsView<InformationRequestRecord>,
  ) {}

  @Post()
  @Roles('crisis-cell', 'commission-analyst')
  @ApiOperation({ summary: 'Issue an information request to economic operators (IMERA Art 27; vigilance or emergency mode)' })
  async issue(@Body() dto: IssueInformationRequestDto, @CurrentPrincipal() principal: Principal, @Req() request: HttpRequest, @Res({ passthrough: true }) reply: HttpReply) {
    return replyWith(reply, await this.workflow.issue(dto, requestContext(principal, request)), path(dto.requestId));
  }

  @Post(':requestId/answers')
  @Roles('economic-operator')
  @ApiOperation({ summary: 'Answer a request addressed to you, before its deadline' })
  async answer(
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() dto: AnswerInformationRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    await this.addressedTo(principal, requestId, dto.operatorId);
    return replyWith(reply, await this.workflow.answer(requestId, dto, requestContext(principal, request)), path(requestId));
  }

  @Post(':requestId/refusals')
  @Roles('economic-operator')
  @ApiOperation({ summary: 'Decline a request addressed to you, with reasons (IMERA Art 27)' })
  async decline(
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() dto: DeclineInformationRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    await this.addressedTo(principal, requestId, dto.operatorId);
    return replyWith(reply, await this.workflow.decline(requestId, dto, requestContext(principal, request)), path(requestId));
  }

  @Get(':requestId')
  @Roles('crisis-cell', 'commission-analyst', 'member-state-authority', 'economic-operator')
  @ApiOperation({ summary: "One request; answers only for the Commission and the operator's Member State" })
  async get(@Param('requestId', ParseUUIDPipe) requestId: string, @CurrentPrincipal() principal: Principal): Promise<InformationRequestRecord> {
    return this.visible(principal, requestId);
  }

  @Get()
  @Roles('crisis-cell', 'commission-analyst', 'member-state-authority', 'economic-operator')
  @ApiOperation({ summary: 'The requests of a scope the caller may see' })
  @ApiQuery({ name: 'scopeId', required: false })
  list(@CurrentPrincipal() principal: Principal, @Query('scopeId') scopeId?: string): { informationRequests: InformationRequestRecord[] } {
    const shown = this.view.list(scopeId).map((record) => visibleInformationRequest(record, principal));
    return { informationRequests: shown.filter((record): record is InformationRequestRecord => record !== undefined) };
  }

  private async visible(principal: Principal, requestId: string): Promise<InformationRequestRecord> {
    return requireVisible(await this.workflow.read(requestId), (record) => visibleInformationRequest(record, principal), LABEL, requestId);
  }

  private async addressedTo(principal: Principal, requestId: string, operatorId: string): Promise<void> {
    await this.visible(principal, requestId);
    if (!mayActAsOperator(principal, operatorId)) throw forbidden(`You may respond only as your own operator, not as ${operatorId}`);
  }
}
