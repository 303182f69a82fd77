import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@imera/auth';
import { CurrentPrincipal, Roles } from '@imera/platform';
import { SCOPE_READERS } from '../../../crisis-monitor/src/scopes/readers';
import { DashboardSession, dashboardSession } from './dashboard-session';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api/v1/dashboard/session')
export class DashboardSessionController {
  /**
   * The page checks a pasted token here before keeping it: a refused token is reported at once. An exercise
   * runner signs in too (the answer holds only the token's own claims); its data is under the exercise's paths.
   */
  @Get()
  @Roles(...SCOPE_READERS, 'exercise-runner')
  @ApiOperation({ summary: 'Who the token signs in, and which parts of the dashboard their role may see' })
  get(@CurrentPrincipal() principal: Principal): DashboardSession {
    return dashboardSession(principal);
  }
}
