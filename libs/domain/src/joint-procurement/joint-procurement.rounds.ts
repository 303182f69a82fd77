import { DomainRuleViolation } from '@imera/event-sourcing';
import {
  AggregateDemand,
  MatchDemandAndOffers,
  PublishResults,
  RecordSupplierOffer,
  StateDemand,
} from './joint-procurement.commands';
import { AggregatedDemand, JointProcurementEvent } from './joint-procurement.events';
import {
  requireInstant,
  requireKnown,
  requireStatus,
  requireText,
  requireWholeUnits,
  unitOf,
} from './joint-procurement.rules';
import { JointProcurementState, KnownProcurement } from './joint-procurement.state';
import { matchProRata } from './pro-rata-matching';

export function stateDemand(command: StateDemand, state: JointProcurementState): JointProcurementEvent[] {
  const known = requireKnown(state, command.procurementId);
  requireStatus(known, 'collecting-demand', 'demand-collection-closed');
  requireInstant(command.statedAt, 'statedAt');
  if (!known.invited.includes(command.memberState))
    throw new DomainRuleViolation('not-invited', `${command.memberState} was not invited`);
  const unit = unitOf(known, command.material);
  requireWholeUnits(command.quantity, 'The demand');
  if (Date.parse(command.statedAt) >= Date.parse(known.demandDeadline!)) {
    throw new DomainRuleViolation('deadline-passed', `Demand was due by ${known.demandDeadline}`);
  }
  const { procurementId, memberState, material, quantity, statedAt } = command;
  return [
    { type: 'JointProcurementDemandStated', data: { procurementId, memberState, material, quantity, unit, statedAt } },
  ];
}

export function aggregateDemand(command: AggregateDemand, state: JointProcurementState): JointProcurementEvent[] {
  const known = requireKnown(state, command.procurementId);
  requireStatus(known, 'collecting-demand', 'demand-collection-closed');
  requireInstant(command.at, 'at');
  // Everyone invited gets the full period to state demand.
  if (Date.parse(command.at) < Date.parse(known.demandDeadline!)) {
    throw new DomainRuleViolation('deadline-not-passed', `Demand may be stated until ${known.demandDeadline}`);
  }
  const demand = known.materials.map((m) => aggregate(known, m.material, m.unit));
  const participants = [...new Set(demand.flatMap((d) => d.byMemberState.map((b) => b.memberState)))].sort();
  if (participants.length === 0)
    throw new DomainRuleViolation('no-demand-stated', `No Member State stated demand in ${known.procurementId}`);
  return [
    {
      type: 'JointProcurementDemandAggregated',
      data: { procurementId: known.procurementId, participants, demand, aggregatedAt: command.at },
    },
  ];
}

function aggregate(state: KnownProcurement, material: string, unit: string): AggregatedDemand {
  const byMemberState = Object.entries(state.demand[material] ?? {})
    .filter(([, quantity]) => quantity > 0)
    .map(([memberState, quantity]) => ({ memberState, quantity }))
    .sort((a, b) => (a.memberState < b.memberState ? -1 : 1));
  return { material, unit, total: byMemberState.reduce((sum, b) => sum + b.quantity, 0), byMemberState };
}

export function recordOffer(command: RecordSupplierOffer, state: JointProcurementState): JointProcurementEvent[] {
  const known = requireKnown(state, command.procurementId);
  requireStatus(known, 'collecting-offers', 'not-collecting-offers');
  requireInstant(command.receivedAt, 'receivedAt');
  if (known.offers[command.offerId])
    throw new DomainRuleViolation('duplicate-offer', `Offer ${command.offerId} was already recorded`);
  const unit = unitOf(known, command.material);
  requireText(command.supplierId, 'supplier-required', 'The supplier');
  requireWholeUnits(command.quantity, 'The offered quantity', 1);
  if (command.unitPrice && !(Number.isFinite(command.unitPrice.amount) && command.unitPrice.amount >= 0)) {
    throw new DomainRuleViolation('invalid-price', 'A unit price must be a number >= 0');
  }
  const { procurementId, offerId, supplierId, supplierName, material, quantity, unitPrice, receivedAt } = command;
  return [
    {
      type: 'SupplierOfferReceived',
      data: {
        procurementId,
        offerId,
        supplierId,
        supplierName,
        material,
        quantity,
        unit,
        ...(unitPrice ? { unitPrice } : {}),
        receivedAt,
      },
    },
  ];
}

export function match(command: MatchDemandAndOffers, state: JointProcurementState): JointProcurementEvent[] {
  const known = requireKnown(state, command.procurementId);
  requireStatus(known, 'collecting-offers', 'not-collecting-offers');
  requireInstant(command.at, 'at');
  const offers = Object.values(known.offers);
  if (offers.length === 0)
    throw new DomainRuleViolation('no-offers', `No supplier has offered in ${known.procurementId}`);
  const results = known.aggregated.map((demand) => ({
    material: demand.material,
    unit: demand.unit,
    ...matchProRata(
      demand.byMemberState,
      offers
        .filter((o) => o.material === demand.material)
        .map(({ offerId, supplierId, quantity }) => ({ offerId, supplierId, quantity })),
    ),
  }));
  return [
    { type: 'JointProcurementMatched', data: { procurementId: known.procurementId, results, matchedAt: command.at } },
  ];
}

export function publish(command: PublishResults, state: JointProcurementState): JointProcurementEvent[] {
  const known = requireKnown(state, command.procurementId);
  if (known.status === 'published')
    throw new DomainRuleViolation('already-published', `${known.procurementId} is published`);
  requireStatus(known, 'matched', 'not-matched');
  requireInstant(command.at, 'at');
  return [
    {
      type: 'JointProcurementResultsPublished',
      data: { procurementId: known.procurementId, publishedTo: known.participants, publishedAt: command.at },
    },
  ];
}
