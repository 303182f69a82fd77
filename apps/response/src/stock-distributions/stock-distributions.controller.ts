import { Body, Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { mayFileForMemberState, Principal } from '@imera/auth';
import { CurrentPrincipal, replyWith, requestContext, Roles } from '@imera/platform';
import { RemainingStock, RemainingStockView } from '../read-models/remaining-stock.view';
import { CommissionStepDto } from '../shared/common.dto';
import { forbidden, HttpReply, HttpRequest, requireVisible } from '../shared/http';
import { IsOrderIdParam } from '../shared/params';
import { RecordsView } from '../shared/records-view';
import { ConfirmDeliveryDto, DispatchOrderDto, OpenDistributionRoundDto, ReportCriticalNeedsDto, ReportStocksDto } from './stock-distribution.dto';
import { DistributionOrderRecord, StockDistributionRecord, visibleStockDistribution } from './stock-distribution.record';
import { StockDistributionWorkflow } from './stock-distribution-workflow';

export const STOCK_DISTRIBUTIONS_VIEW = Symbol('StockDistributionsView');
const LABEL = 'Stock distribution round';
const path = (roundId: string) => `/api/v1/stock-distributions/${roundId}`;
const READERS = ['crisis-cell', 'commission-analyst', 'member-state-authority'] as const;

type Reply = HttpReply;
type Request = HttpRequest;

@ApiTags('stock distribution')
@ApiBearerAuth()
@Controller('api/v1/stock-distributions')
export class StockDistributionsController {
  constructor(
    @Inject(StockDistributionWorkflow) private readonly workflow: StockDistributionWorkflow,
    @Inject(STOCK_DISTRIBUTIONS_VIEW) private readonly view: RecordsView<StockDistributionRecord>,
    @Inject(RemainingStockView) private readonly remaining: RemainingStockView,
  ) {}

  @Post()
  @Roles('crisis-cell', 'commission-analyst')
  @ApiOperation({ summary: 'Open a distribution round for one material (vigilance: planning; emergency: orders)' })
  async open(@Body() dto: OpenDistributionRoundDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    return replyWith(reply, await this.workflow.open(dto, requestContext(principal, request)), path(dto.roundId));
  }

  @Post(':roundId/stock-reports')
  @Roles('member-state-authority')
  @ApiOperation({ summary: "Report your Member State's strategic stock of the material (CRMA Art 22); a later report replaces it" })
  async reportStocks(@Param('roundId', ParseUUIDPipe) roundId: string, @Body() dto: ReportStocksDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.ownReport(principal, roundId, dto.memberState);
    return replyWith(reply, await this.workflow.reportStocks(roundId, dto, requestContext(principal, request)), path(roundId));
  }

  @Post(':roundId/need-reports')
  @Roles('member-state-authority')
  @ApiOperation({ summary: "Report your Member State's critical needs and consumption; a later report replaces it" })
  async reportNeeds(@Param('roundId', ParseUUIDPipe) roundId: string, @Body() dto: ReportCriticalNeedsDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.ownReport(principal, roundId, dto.memberState);
    return replyWith(reply, await this.workflow.reportNeeds(roundId, dto, requestContext(principal, request)), path(roundId));
  }

  @Post(':roundId/plans')
  @Roles('crisis-cell', 'commission-analyst')
  @ApiOperation({ summary: 'Compute a what-if allocation from the reports so far: nothing moves' })
  async plan(@Param('roundId', ParseUUIDPipe) roundId: string, @Body() dto: CommissionStepDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.visible(principal, roundId);
    return replyWith(reply, await this.workflow.plan(roundId, dto, requestContext(principal, request)), path(roundId));
  }

  @Post(':roundId/orders')
  @Roles('crisis-cell', 'commission-analyst')
  @ApiOperation({ summary: 'Decide the allocation and issue its distribution orders (emergency mode only); closes the reports' })
  async issueOrders(@Param('roundId', ParseUUIDPipe) roundId: string, @Body() dto: CommissionStepDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    await this.visible(principal, roundId);
    return replyWith(reply, await this.workflow.issueOrders(roundId, dto, requestContext(principal, request)), path(roundId));
  }

  @Post(':roundId/orders/:orderId/dispatch')
  @Roles('member-state-authority')
  @ApiOperation({ summary: 'The releasing Member State confirms dispatch' })
  async dispatch(
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('orderId', IsOrderIdParam) orderId: string,
    @Body() dto: DispatchOrderDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const order = await this.order(principal, roundId, orderId);
    if (!mayFileForMemberState(principal, order.from)) throw forbidden(`Order ${orderId} is dispatched by ${order.from}`);
    return replyWith(reply, await this.workflow.dispatch(roundId, orderId, order.from, dto, requestContext(principal, request)), path(roundId));
  }

  @Post(':roundId/orders/:orderId/delivery')
  @Roles('member-state-authority')
  @ApiOperation({ summary: 'The receiving Member State confirms what arrived' })
  async confirmDelivery(
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Param('orderId', IsOrderIdParam) orderId: string,
    @Body() dto: ConfirmDeliveryDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const order = await this.order(principal, roundId, orderId);
    if (!mayFileForMemberState(principal, order.to)) throw forbidden(`Order ${orderId} is received by ${order.to}`);
    return replyWith(reply, await this.workflow.confirmDelivery(roundId, orderId, order.to, dto, requestContext(principal, request)), path(roundId));
  }

  @Get('remaining-stock')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Strategic stock per Member State and material after dispatches and deliveries; an authority sees its own' })
  @ApiQuery({ name: 'material', required: false })
  remainingStock(@CurrentPrincipal() principal: Principal, @Query('material') material?: string): { remainingStock: RemainingStock[] } {
    const own = principal.role === 'member-state-authority' ? principal.memberState : undefined;
    return { remainingStock: this.remaining.list({ material, memberState: own }) };
  }

  @Get(':roundId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One round: reports, allocation and orders' })
  get(@Param('roundId', ParseUUIDPipe) roundId: string, @CurrentPrincipal() principal: Principal): Promise<StockDistributionRecord> {
    return this.visible(principal, roundId);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'The rounds of a scope' })
  @ApiQuery({ name: 'scopeId', required: false })
  list(@CurrentPrincipal() principal: Principal, @Query('scopeId') scopeId?: string): { stockDistributions: StockDistributionRecord[] } {
    const shown = this.view.list(scopeId).map((record) => visibleStockDistribution(record, principal));
    return { stockDistributions: shown.filter((record): record is StockDistributionRecord => record !== undefined) };
  }

  private async visible(principal: Principal, roundId: string): Promise<StockDistributionRecord> {
    return requireVisible(await this.workflow.read(roundId), (record) => visibleStockDistribution(record, principal), LABEL, roundId);
  }

  /** An authority reports for its own Member State only. */
  private async ownReport(principal: Principal, roundId: string, memberState: string): Promise<void> {
    await this.visible(principal, roundId);
    if (!mayFileForMemberState(principal, memberState)) throw forbidden(`You may report only for your own Member State, not ${memberState}`);
  }

  private async order(principal: Principal, roundId: string, orderId: string): Promise<DistributionOrderRecord> {
    const record = await this.visible(principal, roundId);
    const order = record.orders.find((candidate) => candidate.orderId === orderId);
    if (!order) throw new NotFoundException(`Round ${roundId} has no order ${orderId}`);
    return order;
  }
}
