/** The IMERA modes a crisis scope can be in (Regulation (EU) 2024/2747). */
export const IMERA_MODES = ['normal', 'vigilance', 'emergency'] as const;
export type ImeraMode = (typeof IMERA_MODES)[number];

/** How far a mode is escalated: normal 0, vigilance 1, emergency 2 (the order of IMERA_MODES). */
export function modeRank(mode: ImeraMode): number {
  return IMERA_MODES.indexOf(mode);
}

/**
 * What the response instruments need to know about a scope's mode to guard their commands: the active
 * mode, since and until when, and the goods lists adopted by the Council act that activated it.
 */
export interface ScopeModeSnapshot {
  readonly scopeId: string;
  readonly mode: ImeraMode;
  readonly activeSince?: string;
  readonly activeUntil?: string;
  /** IMERA Art 14-15: goods and services of critical importance listed in the vigilance act. */
  readonly goodsOfCriticalImportance: readonly string[];
  /** IMERA Art 18(4): crisis-relevant goods and services listed in the emergency act. */
  readonly crisisRelevantGoods: readonly string[];
}
