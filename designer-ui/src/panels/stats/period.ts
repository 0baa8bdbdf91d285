/**
 * The statistics period: a recent span up to now, or a custom from–to in the browser's time zone, turned into
 * the instants the stats endpoint takes (`from`, `to`: ISO-8601, `to` after `from`).
 */

export type PeriodKind = '1h' | '24h' | '7d' | '30d' | 'custom';

export const PERIODS: readonly { value: PeriodKind; label: string; ms: number }[] = [
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { value: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
  { value: 'custom', label: 'Custom…', ms: 0 },
];

export function isPeriodKind(s: string): s is PeriodKind {
  return PERIODS.some((p) => p.value === s);
}

export type Range = { ok: true; from: string; to: string } | { ok: false; error: string };

/**
 * The instants of a period at `now`. A custom period's ends are datetime-local values read in the browser's time
 * zone; an empty end means now.
 */
export function periodRange(kind: PeriodKind, now: Date, custom: { from: string; to: string } = { from: '', to: '' }): Range {
  if (kind !== 'custom') {
    const span = PERIODS.find((p) => p.value === kind)?.ms ?? 0;
    return { ok: true, from: new Date(now.getTime() - span).toISOString(), to: now.toISOString() };
  }
  if (!custom.from.trim()) return { ok: false, error: 'Choose when the period starts.' };
  const from = new Date(custom.from);
  if (Number.isNaN(from.getTime())) return { ok: false, error: `"${custom.from}" is not a date and time.` };
  const to = custom.to.trim() ? new Date(custom.to) : now;
  if (Number.isNaN(to.getTime())) return { ok: false, error: `"${custom.to}" is not a date and time.` };
  if (to.getTime() <= from.getTime()) return { ok: false, error: 'The period must end after it starts.' };
  return { ok: true, from: from.toISOString(), to: to.toISOString() };
}

/** The stats request's path and query. */
export function statsPath(flowId: string, version: number, range: { from: string; to: string }): string {
  const q = `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;
  return `/api/flows/${encodeURIComponent(flowId)}/versions/${version}/stats?${q}`;
}

/** How the period reads in the overlay's label: "last 24 hours", or its ends as the browser writes dates. */
export function periodLabel(kind: PeriodKind, range: { from: string; to: string }, format: (iso: string) => string = (s) => s): string {
  if (kind !== 'custom') return (PERIODS.find((p) => p.value === kind)?.label ?? kind).toLowerCase();
  return `${format(range.from)} – ${format(range.to)}`;
}
