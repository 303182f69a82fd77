import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@imera/platform';
import { SCOPE_READERS } from '../../../crisis-monitor/src/scopes/readers';
import { IndicatorTrends, ScopeTrends } from './indicator-trends';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api/v1/dashboard/scopes')
export class IndicatorTrendsController {
  constructor(@Inject(IndicatorTrends) private readonly trends: IndicatorTrends) {}

  /** Aggregates only (counts, shares, days of cover): every scope reader may see them, as the scope views. */
  @Get(':scopeId/trends')
  @Roles(...SCOPE_READERS)
  @ApiOperation({ summary: "A scope's headline indicators over time, with the escalation thresholds of the policy in force" })
  get(@Param('scopeId') scopeId: string): ScopeTrends {
    const trends = this.trends.of(scopeId);
    if (!trends) throw new NotFoundException(`There is no crisis scope ${scopeId}`);
    return trends;
  }
}
