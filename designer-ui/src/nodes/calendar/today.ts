/** A calendar's opening hours on one day, as a card tells them: the weekly hours, or a dated exception's. */
import type { Calendar2, Exception, WeeklyHours } from '../../generated/flow';
import { filled, isRecord, list, loose } from '../common/read';

type Day = keyof WeeklyHours;
const DAYS: Record<string, Day> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

/** The local date (YYYY-MM-DD) and weekday at `now` in a time zone; undefined for a zone the browser does not know. */
export function localDay(now: Date, timeZone: string): { date: string; day: Day } | undefined {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
  } catch {
    return undefined;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = DAYS[part('weekday')];
  if (day === undefined) return undefined;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, day };
}

function hours(value: unknown): string[] {
  return list(value).filter((h): h is string => typeof h === 'string');
}

/**
 * "08:00-18:00", "closed", or an exception's hours with its label. The first exception covering the date wins, as
 * in the runtime; a public holiday is not known here (the holiday data is the server's), so the card does not
 * claim it.
 */
export function hoursOn(calendar: unknown, date: string, day: Day): string {
  const c = loose<Calendar2>(calendar);
  for (const e of list(c.exceptions)) {
    const x = loose<Exception>(e);
    const single = filled(x.date);
    const from = filled(x.from);
    const to = filled(x.to);
    const covers = single !== undefined ? single === date : from !== undefined && to !== undefined && from <= date && date <= to;
    if (!covers) continue;
    const open = hours(x.hours);
    const label = filled(x.label);
    const shown = open.length === 0 ? 'closed' : open.join(', ');
    return label === undefined ? shown : `${shown} (${label})`;
  }
  const weekly = isRecord(c.weekly) ? hours(loose<WeeklyHours>(c.weekly)[day]) : [];
  return weekly.length === 0 ? 'closed' : weekly.join(', ');
}
