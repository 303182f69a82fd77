const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Parses a lifetime such as `90s`, `15m`, `8h` or `2d` into seconds; throws with the reason otherwise. */
export function parseDurationSeconds(text: string): number {
  const match = /^(\d{1,6})([smhd])$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration: use a whole number and s, m, h or d (e.g. 8h)`);
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2]];
  if (seconds <= 0) throw new Error(`"${text}" must be longer than zero`);
  return seconds;
}

export function describeDuration(seconds: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    if (seconds % UNIT_SECONDS[unit] === 0) return `${seconds / UNIT_SECONDS[unit]}${unit}`;
  }
  return `${seconds}s`;
}
