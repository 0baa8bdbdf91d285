/**
 * Calendar values as the forms edit them: "HH:MM-HH:MM" opening hours (end exclusive, 24:00 allowed as an end, the
 * canonical form the server reads), the days of the week, and the instants the preview asks about, written as a
 * local wall-clock time in a time zone with that zone's offset at that time.
 */
import { asArray, type Json } from './edit';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes from midnight: start inclusive, end exclusive. */
export interface TimeRange {
  start: number;
  end: number;
}

const CANONICAL = /^([01][0-9]|2[0-3]):([0-5][0-9])-(?:([01][0-9]|2[0-3]):([0-5][0-9])|(24):(00))$/;

/** The range of canonical text such as "09:00-17:30"; undefined for anything else. */
export function parseTimeRange(text: string): TimeRange | undefined {
  const m = CANONICAL.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = m[5] !== undefined ? 24 * 60 : Number(m[3]) * 60 + Number(m[4]);
  return { start, end };
}

const clock = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The canonical text of a range. */
export function formatTimeRange(range: TimeRange): string {
  return `${clock(range.start)}-${clock(range.end)}`;
}

const LOOSE = /^\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*h?\s*(?:-|–|—|to)\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*h?\s*$/i;

/**
 * The canonical text of a range typed loosely ("9-17", "9:30 - 17:30", "0930-1730", "9h-17h"), or undefined when
 * the text is not a range of valid clock times.
 */
export function normaliseTimeRange(text: string): string | undefined {
  const m = LOOSE.exec(text);
  if (!m) return undefined;
  const sh = Number(m[1]);
  const sm = Number(m[2] ?? '0');
  const eh = Number(m[3]);
  const em = Number(m[4] ?? '0');
  if (sh > 23 || sm > 59 || em > 59 || eh > 24 || (eh === 24 && em !== 0)) return undefined;
  return formatTimeRange({ start: sh * 60 + sm, end: eh * 60 + em });
}

/** What is wrong with range text, or undefined when it is a valid range. */
export function timeRangeProblem(text: string): string | undefined {
  const range = parseTimeRange(text);
  if (!range) return 'Expected HH:MM-HH:MM, such as 09:00-17:30 (24:00 allowed as an end).';
  if (range.end <= range.start) return 'The end must be after the start.';
  return undefined;
}

/** The indices of valid ranges that overlap an earlier range of the same list. */
export function overlappingRanges(list: readonly string[]): number[] {
  const ranges = list.map(parseTimeRange);
  const out: number[] = [];
  ranges.forEach((r, i) => {
    if (!r || r.end <= r.start) return;
    const clash = ranges.slice(0, i).some((o) => o !== undefined && o.end > o.start && o.start < r.end && r.start < o.end);
    if (clash) out.push(i);
  });
  return out;
}

const isWeekday = (k: string): k is Weekday => (WEEKDAYS as readonly string[]).includes(k);

/** The weekly hours with the days in week order, as a person writes them. */
function inWeekOrder(weekly: Json): Json {
  const days = WEEKDAYS.filter((d) => d in weekly).map((d): [string, unknown] => [d, weekly[d]]);
  const rest = Object.entries(weekly).filter(([k]) => !isWeekday(k));
  return Object.fromEntries([...days, ...rest]);
}

/** Weekly hours with one day's ranges copied to other days. */
export function copyDay(weekly: Json, from: Weekday, to: readonly Weekday[]): Json {
  const hours = asArray(weekly[from]).filter((h): h is string => typeof h === 'string');
  const out: Json = { ...weekly };
  for (const day of to) if (day !== from) out[day] = [...hours];
  return inWeekOrder(out);
}

/** Weekly hours with one day set (an empty list is kept: the day is written as closed). */
export function setDay(weekly: Json, day: Weekday, hours: readonly string[]): Json {
  return inWeekOrder({ ...weekly, [day]: [...hours] });
}

/** The offset of a time zone at an instant, as "+01:00"; undefined for a zone this browser does not know. */
export function zoneOffset(zone: string, instant: number): string | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(instant));
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (name === 'GMT' || name === 'UTC') return '+00:00';
    const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(name);
    if (!m) return undefined;
    return `${m[1] ?? '+'}${(m[2] ?? '0').padStart(2, '0')}:${m[3] ?? '00'}`;
  } catch {
    return undefined;
  }
}

const offsetMinutes = (offset: string): number => {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
};

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A wall-clock time ("2026-12-24T10:30", as a datetime-local input gives it) in a time zone, as an ISO date-time with
 * that zone's offset at that time ("2026-12-24T10:30:00-05:00"). Undefined for malformed text or an unknown zone.
 */
export function zonedDateTime(local: string, zone: string): string | undefined {
  const m = LOCAL.exec(local);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '00'].map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = zoneOffset(zone, wall);
  if (first === undefined) return undefined;
  // The offset at the wall time read as UTC can differ from the one at the real instant near a DST change.
  const second = zoneOffset(zone, wall - offsetMinutes(first) * 60_000) ?? first;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${second}`;
}

/** An instant as the wall-clock time of a zone, in datetime-local form ("2026-12-24T10:30"). */
export function localDateTime(instant: number, zone: string): string | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(instant));
    const get = (t: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
  } catch {
    return undefined;
  }
}

/** Whether this browser knows the time zone. */
export function isKnownZone(zone: string): boolean {
  return zone !== '' && zoneOffset(zone, 0) !== undefined;
}

/** A range to add after the given ones: 09:00-17:00 first, then one starting an hour after the last one ends. */
export function nextTimeRange(list: readonly string[]): string {
  const ends = list.map(parseTimeRange).filter((r): r is TimeRange => r !== undefined && r.end > r.start).map((r) => r.end);
  if (ends.length === 0) return '09:00-17:00';
  const start = Math.min(Math.max(...ends) + 60, 23 * 60);
  return formatTimeRange({ start, end: Math.min(start + 4 * 60, 24 * 60) });
}

/** Today's date in a zone (or the browser's), as YYYY-MM-DD. */
export function dateIn(instant: number, zone?: string): string {
  const local = localDateTime(instant, zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  return local ? local.slice(0, 10) : new Date(instant).toISOString().slice(0, 10);
}
