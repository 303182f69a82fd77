// @ts-check
import { formatNumber, formatShare } from './format.js';

/**
 * @typedef {'worstShareOfSupplyUnderControls' | 'worstShareOfConsumptionAffected' | 'lowestDaysOfStockCover'
 *   | 'tonnesPerYearAffected' | 'memberStatesAffected' | 'operatorsAffected' | 'significantNotifications'
 *   | 'criticalNotifications' | 'activeControls'} IndicatorName
 * @typedef {{ label: string, unit: 'share' | 'days' | 'tonnes' | 'count', help: string }} IndicatorInfo
 */

/** The scope indicators the escalation policy watches, as a crisis-cell officer names them. @type {Record<IndicatorName, IndicatorInfo>} */
export const INDICATORS = {
  worstShareOfSupplyUnderControls: { label: 'Supply under export controls', unit: 'share', help: 'Worst material: share of EU supply from countries whose export controls reach the EU' },
  worstShareOfConsumptionAffected: { label: 'Consumption affected', unit: 'share', help: 'Worst material: share of EU consumption hit by notified disruptions' },
  lowestDaysOfStockCover: { label: 'Days of stock cover', unit: 'days', help: 'Lowest cover of any material by reported strategic stocks' },
  tonnesPerYearAffected: { label: 'Tonnes per year affected', unit: 'tonnes', help: 'Capacity affected by open notifications' },
  memberStatesAffected: { label: 'Member States affected', unit: 'count', help: 'Member States with an open notification in the scope' },
  operatorsAffected: { label: 'Operators affected', unit: 'count', help: 'Key market operators with an open notification' },
  significantNotifications: { label: 'Significant notifications', unit: 'count', help: 'Open notifications graded high or critical' },
  criticalNotifications: { label: 'Critical notifications', unit: 'count', help: 'Open notifications graded critical' },
  activeControls: { label: 'Active export controls', unit: 'count', help: 'Distinct measures in force on the scope materials' },
};

/** Shown on the scope cards; the detail shows all. @type {IndicatorName[]} */
export const CARD_INDICATORS = ['worstShareOfSupplyUnderControls', 'operatorsAffected', 'lowestDaysOfStockCover'];

/** @type {IndicatorName[]} */
export const INDICATOR_NAMES = /** @type {IndicatorName[]} */ (Object.keys(INDICATORS));

/**
 * @param {IndicatorName | string} name
 * @param {number | null | undefined} value
 */
export function formatIndicator(name, value) {
  if (value === null || value === undefined) return 'unknown';
  const info = INDICATORS[/** @type {IndicatorName} */ (name)];
  switch (info?.unit) {
    case 'share':
      return formatShare(value);
    case 'days':
      return `${formatNumber(value)} d`;
    case 'tonnes':
      return `${formatNumber(value)} t`;
    default:
      return formatNumber(value);
  }
}

/** @param {string} name */
export function indicatorLabel(name) {
  return INDICATORS[/** @type {IndicatorName} */ (name)]?.label ?? name;
}
