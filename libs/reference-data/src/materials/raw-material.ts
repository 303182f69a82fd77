/** An entry of the CRMA lists: Annex II (critical) and/or Annex I (strategic). */
export interface RawMaterial {
  readonly code: string;
  readonly name: string;
  /** Listed in CRMA Annex II section 1. */
  readonly critical: boolean;
  /** Listed in CRMA Annex I section 1. */
  readonly strategic: boolean;
  /** The grade Annex I names, when only that grade is strategic (e.g. battery-grade lithium). */
  readonly strategicGrade?: string;
  /** For a list entry defined by its elements (rare earths for magnets). */
  readonly elements?: readonly string[];
  /** Annex II entries that an entry outside Annex II counts towards. */
  readonly countsTowardsCritical?: readonly string[];
}

export type RareEarthGroup = 'light-rare-earth-elements' | 'heavy-rare-earth-elements' | 'scandium';

/** An individual rare-earth element; filings may name one, and it resolves to its group's list entry. */
export interface RareEarthElement {
  readonly code: string;
  readonly symbol: string;
  readonly name: string;
  /** The list entry the element belongs to (scandium is listed on its own). */
  readonly group: RareEarthGroup;
}

/** The CRMA list codes a material counts towards. */
export interface ListMembership {
  readonly critical: readonly string[];
  readonly strategic: readonly string[];
}

/** What a material code, as filed, means against the CRMA lists. */
export interface MaterialResolution {
  /** The code as filed: kept, so "neodymium" stays "neodymium" in the record. */
  readonly filedCode: string;
  /** The list entry: the element's group for a rare-earth element, the canonical entry for an alias. */
  readonly material: RawMaterial;
  readonly element?: RareEarthElement;
  readonly countsTowards: ListMembership;
}
