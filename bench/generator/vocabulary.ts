import { DisruptionType, OperatorRole } from '@imera/domain/operator-notifications';
import { ExportControlType } from '@imera/domain/export-controls';

/**
 * Words and weights the synthetic events are made of. Weights follow the focus value chains (rare-earth
 * magnets, batteries, defence): most notifications concern them, as in the 2025 licence delays.
 */
export const SITES: Readonly<Record<string, readonly string[]>> = {
  BE: ['Hoboken', 'Olen', 'Ghent'],
  BG: ['Pirdop', 'Plovdiv'],
  CZ: ['Ostrava', 'Pilsen'],
  DK: ['Aarhus'],
  DE: ['Hanau', 'Freiberg', 'Goslar', 'Bitterfeld', 'Ludwigshafen', 'Hamburg'],
  EE: ['Narva', 'Sillamae'],
  IE: ['Limerick'],
  EL: ['Larymna', 'Lavrio'],
  ES: ['Huelva', 'Avila', 'Barcelona'],
  FR: ['La Rochelle', 'Sarreguemines', 'Dunkirk', 'Lacq'],
  HR: ['Sisak'],
  IT: ['Porto Marghera', 'Turin', 'Milan'],
  CY: ['Limassol'],
  LV: ['Riga'],
  LT: ['Kaunas'],
  LU: ['Esch-sur-Alzette'],
  HU: ['Gyor', 'Debrecen'],
  MT: ['Marsaxlokk'],
  NL: ['Eindhoven', 'Rotterdam', 'Delfzijl'],
  AT: ['Leoben', 'Linz', 'Treibach'],
  PL: ['Legnica', 'Wroclaw', 'Police'],
  PT: ['Panasqueira', 'Setubal'],
  RO: ['Baia Mare', 'Slatina'],
  SI: ['Kidricevo'],
  SK: ['Kosice'],
  FI: ['Kokkola', 'Harjavalta', 'Hamina'],
  SE: ['Skelleftea', 'Kiruna', 'Vasteras'],
};

/** Filed material codes (list codes and rare-earth elements) with how often they are notified. */
export const NOTIFIED_MATERIALS: readonly (readonly [string, number])[] = [
  ['dysprosium', 12],
  ['terbium', 10],
  ['neodymium', 10],
  ['praseodymium', 6],
  ['samarium', 4],
  ['yttrium', 3],
  ['gallium', 8],
  ['germanium', 7],
  ['antimony', 6],
  ['tungsten', 6],
  ['graphite', 8],
  ['natural-graphite', 4],
  ['lithium', 6],
  ['nickel-battery-grade', 4],
  ['cobalt', 5],
  ['manganese', 3],
  ['boron', 2],
  ['bismuth', 2],
  ['magnesium', 3],
  ['silicon-metal', 2],
  ['titanium-metal', 2],
  ['beryllium', 1],
  ['platinum-group-metals', 2],
  ['vanadium', 1],
  ['niobium', 1],
  ['tantalum', 1],
  ['fluorspar', 1],
  ['scandium', 1],
  ['hafnium', 1],
];

export const ROLES_BY_WEIGHT: readonly (readonly [OperatorRole, number])[] = [
  ['magnet-manufacturing', 6],
  ['component-manufacturing', 6],
  ['processing', 4],
  ['refining', 3],
  ['recycling', 2],
  ['extraction', 1],
  ['other', 1],
];

export const DISRUPTIONS_BY_WEIGHT: readonly (readonly [DisruptionType, number])[] = [
  ['export-licence-delayed', 10],
  ['export-licence-denied', 3],
  ['logistics-disruption', 4],
  ['production-stoppage', 3],
  ['price-shock', 3],
  ['force-majeure', 1],
  ['cyber-incident', 1],
  ['other', 1],
];

export const FILING_TEXT: Readonly<Record<DisruptionType, string>> = {
  'export-licence-delayed':
    'Export licences for %M from the main supplier have been pending with the issuing authority for several weeks; deliveries scheduled for this quarter are on hold and customers have been informed of possible delays.',
  'export-licence-denied':
    'The supplier reports that its application for an export licence for %M was refused without stated reasons; no alternative qualified source can deliver within the next two quarters.',
  'logistics-disruption':
    'Shipments of %M are stuck at the port of loading after new inspection requirements; the next two containers will arrive at least five weeks late.',
  'production-stoppage':
    'The line that processes %M stopped after the input stock ran out; restart depends on the next delivery, partial operation on recycled feed is being examined.',
  'price-shock':
    'Spot prices for %M rose sharply within a fortnight; the operator has cut purchases to contracted volumes and postponed two customer orders.',
  'force-majeure':
    'The supplier of %M declared force majeure after flooding at its refinery; allocation to customers is reduced until further notice.',
  'cyber-incident':
    'A ransomware attack disabled the planning systems of the %M supplier; order intake and dispatch are handled manually at reduced capacity.',
  other: 'The operator reports a disruption in its supply of %M that could impede regular operations; details follow in an update.',
};

export const UPDATE_TEXT: readonly string[] = [
  'Situation unchanged; the authority has asked for additional end-use documentation.',
  'Part of the pending volume has been released; the remainder is still waiting for a licence decision.',
  'Disruption worse than first reported: a second customer line has been stopped.',
  'Alternative supply qualified for a small share of the volume; lead times remain long.',
];

export const RESOLUTION_TEXT: readonly string[] = [
  'Licences granted and deliveries resumed; operations back to normal.',
  'Supply restored through an alternative qualified source.',
  'Shipments arrived; stock rebuilt to the usual level.',
  'Operator closed the case after normal deliveries for four consecutive weeks.',
];

export const CONTROL_TYPES_BY_WEIGHT: readonly (readonly [ExportControlType, number])[] = [
  ['licence-requirement', 6],
  ['export-ban', 1],
  ['extraterritorial-control', 1],
  ['technology-control', 1],
  ['quota', 1],
];

/** Material sets of the kind controlled in 2023-2025 announcements. */
export const CONTROLLED_SETS: readonly (readonly string[])[] = [
  ['gallium', 'germanium'],
  ['graphite', 'natural-graphite'],
  ['antimony'],
  ['tungsten', 'bismuth'],
  ['samarium', 'gadolinium', 'terbium', 'dysprosium', 'lutetium', 'scandium', 'yttrium'],
  ['holmium', 'erbium', 'thulium', 'europium', 'ytterbium'],
  ['lithium', 'graphite'],
];

export const STOCK_FORMS: readonly string[] = ['oxide', 'metal', 'concentrate', 'alloy', 'carbonate'];
