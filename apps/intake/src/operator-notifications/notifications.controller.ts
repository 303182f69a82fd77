import { Body, Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isCommission, mayFileForMemberState, mayViewConfidentialDetails, Principal } from '@imera/auth';
import { CurrentPrincipal, replyWith, requestContext, Roles } from '@imera/platform';
import { ForbiddenException } from '@nestjs/common';
import { FileNotificationDto, NotificationFollowUpDto, NotificationResolutionDto } from './file-notification.dto';
import { ListNotificationsQuery } from './list-notifications.query';
import { OperatorNotificationIntake } from './operator-notification-intake';
import { NotificationRecord, NotificationsView } from './notifications.view';

type Request = Parameters<typeof requestContext>[1];
type Reply = Parameters<typeof replyWith>[0];

@ApiTags('operator notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(
    @Inject(OperatorNotificationIntake) private readonly intake: OperatorNotificationIntake,
    @Inject(NotificationsView) private readonly view: NotificationsView,
  ) {}

  @Post()
  @Roles('member-state-authority')
  @ApiOperation({ summary: 'File a notification about a key market operator (CRMA Art 21(2))' })
  async file(@Body() dto: FileNotificationDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) reply: Reply) {
    // CRMA Art 21(2): an authority notifies for the operators of its own Member State.
    if (!mayFileForMemberState(principal, dto.memberState)) {
      throw new ForbiddenException(`You may file only for your own Member State, not ${dto.memberState}`);
    }
    const result = await this.intake.file(dto, requestContext(principal, request));
    return replyWith(reply, result, `/api/v1/notifications/${dto.notificationId}`);
  }

  @Post(':notificationId/updates')
  @Roles('member-state-authority')
  @ApiOperation({ summary: 'Follow up a notification with a new impact assessment' })
  async update(
    @Param('notificationId', ParseUUIDPipe) notificationId: string,
    @Body() dto: NotificationFollowUpDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const record = await this.visibleTo(principal, notificationId);
    const result = await this.intake.update(notificationId, filerOf(principal, record), dto, requestContext(principal, request));
    return replyWith(reply, result, `/api/v1/notifications/${notificationId}`);
  }

  @Post(':notificationId/resolution')
  @Roles('member-state-authority')
  @ApiOperation({ summary: 'Mark a notification resolved' })
  async resolve(
    @Param('notificationId', ParseUUIDPipe) notificationId: string,
    @Body() dto: NotificationResolutionDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const record = await this.visibleTo(principal, notificationId);
    const result = await this.intake.resolve(notificationId, filerOf(principal, record), dto, requestContext(principal, request));
    return replyWith(reply, result, `/api/v1/notifications/${notificationId}`);
  }

  @Get(':notificationId')
  @Roles('member-state-authority', 'commission-analyst', 'crisis-cell')
  @ApiOperation({ summary: 'Read a notification; confidential ones only by the filing Member State and the Commission' })
  get(@Param('notificationId', ParseUUIDPipe) notificationId: string, @CurrentPrincipal() principal: Principal): Promise<NotificationRecord> {
    return this.visibleTo(principal, notificationId);
  }

  @Get()
  @Roles('member-state-authority', 'commission-analyst', 'crisis-cell')
  @ApiOperation({ summary: "List notifications: a Member State sees its own filings, the Commission all" })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListNotificationsQuery): { notifications: NotificationRecord[]; total: number } {
    const ownOnly = principal.role === 'member-state-authority' ? principal.memberState : undefined;
    const filter = { memberState: ownOnly ?? (isCommission(principal) ? query.memberState : undefined), material: query.material, status: query.status };
    const { records, total } = this.view.list(filter, { order: query.order ?? 'filed', limit: query.limit });
    return { notifications: records, total };
  }

  /** Confidential notifications of another Member State do not exist for the caller: 404, not 403. */
  private async visibleTo(principal: Principal, notificationId: string): Promise<NotificationRecord> {
    const record = await this.intake.read(notificationId);
    if (!record || (record.confidential && !mayViewConfidentialDetails(principal, record))) {
      throw new NotFoundException(`Notification ${notificationId} not found`);
    }
    return record;
  }
}

/** Follow-ups come from the filing Member State; the decider refuses any other. */
function filerOf(principal: Principal, record: NotificationRecord): string {
  return principal.role === 'member-state-authority' ? principal.memberState : record.memberState;
}
