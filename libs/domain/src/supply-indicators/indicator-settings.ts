import { z } from 'zod';
import { EXPORT_CONTROL_TYPES } from '@imera/domain/export-controls';
import { NotificationImpact } from '@imera/domain/operator-notifications';

export const NOTIFICATION_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type NotificationSeverity = (typeof NOTIFICATION_SEVERITIES)[number];

const weight = z.number().min(0).max(1);

/** The `indicators` section of the policy configuration: defaults, not law. */
export const indicatorSettingsSchema = z.strictObject({
  label: z.string().min(1),
  measureTypeWeights: z.strictObject(
    Object.fromEntries(EXPORT_CONTROL_TYPES.map((type) => [type, weight])) as Record<
      (typeof EXPORT_CONTROL_TYPES)[number],
      typeof weight
    >,
  ),
  notificationSeverity: z.strictObject({
    bands: z
      .array(
        z.strictObject({
          severity: z.enum(['medium', 'high', 'critical']),
          minCapacityShareAffected: z.number().min(0).max(1),
        }),
      )
      .min(1),
    raiseOneLevelWhenStockRunsOutFirst: z.boolean(),
  }),
});

export type IndicatorSettings = z.infer<typeof indicatorSettingsSchema>;

/**
 * How serious one notification is, from its reported impact: bands on the share of capacity affected, one
 * level higher when the operator's own stock runs out before the disruption is expected to end.
 */
export function notificationSeverity(
  impact: NotificationImpact,
  settings: IndicatorSettings['notificationSeverity'],
): NotificationSeverity {
  const band = settings.bands
    .filter((candidate) => impact.capacityShareAffected >= candidate.minCapacityShareAffected)
    .map((candidate) => NOTIFICATION_SEVERITIES.indexOf(candidate.severity));
  const level = band.length > 0 ? Math.max(...band) : 0;
  const runsOut =
    settings.raiseOneLevelWhenStockRunsOutFirst &&
    impact.stockCoverDays !== undefined &&
    impact.stockCoverDays < impact.expectedDurationDays;
  return NOTIFICATION_SEVERITIES[Math.min(level + (runsOut ? 1 : 0), NOTIFICATION_SEVERITIES.length - 1)];
}
