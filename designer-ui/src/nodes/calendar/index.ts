/**
 * calendar: open, closed, holiday or a named range. Exits (CalendarSettings.exits()): one per named range of the
 * inline calendar (required), shown first because a range is checked before the weekly hours, then the fixed
 * open, closed, holiday and error. A shared calendar (ref) brings its ranges from the environment, which the
 * designer does not know: only the fixed exits are shown for it.
 */
import type { Calendar2, CalendarSettings1, NamedRange, PublicHolidays } from '../../generated/flow';
import { exit, fixedExits, settle } from '../common/exits';
import { filled, isRecord, list, loose, settingsOf, text } from '../common/read';
import { clip, lines } from '../common/text';
import type { Settings } from '../../model/flow';
import type { NodeDefinition } from '../types';
import { hoursOn, localDay } from './today';

function rangeNames(settings: unknown): string[] {
  const inline = loose<CalendarSettings1>(settings).calendar;
  if (!isRecord(inline)) return [];
  return list(loose<Calendar2>(inline).ranges).flatMap((r) => {
    const name = text(loose<NamedRange>(r).name);
    return name === undefined ? [] : [name];
  });
}

/** The card's lines at `now`: the time zone, today's hours there, then holidays and ranges. */
export function calendarSummary(settings: Settings, now: Date): string[] {
  const s = loose<CalendarSettings1>(settings);
  const inline = s.calendar;
  if (!isRecord(inline)) {
    const ref = filled(s.ref);
    return [ref === undefined ? 'no calendar' : clip('shared calendar ' + ref)];
  }
  const c = loose<Calendar2>(inline);
  const zone = filled(c.timeZone);
  if (zone === undefined) return ['no time zone'];
  const today = localDay(now, zone);
  const holidays = isRecord(c.holidays) ? loose<PublicHolidays>(c.holidays) : undefined;
  const country = holidays === undefined ? undefined : filled(holidays.country);
  const region = holidays === undefined ? undefined : filled(holidays.region);
  const ranges = rangeNames(settings).length;
  const extra = [
    country !== undefined && `holidays ${country}${region === undefined ? '' : '/' + region}`,
    ranges > 0 && `${ranges} range${ranges === 1 ? '' : 's'}`,
  ].filter((v) => v !== false);
  return lines(
    clip(zone),
    clip(today === undefined ? 'unknown time zone' : 'today ' + hoursOn(inline, today.date, today.day)),
    extra.join(' · '),
  );
}

/** The browser's time zone when the schema accepts its name, so a new calendar starts in the user's local time. */
function localZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return zone;
  } catch {
    // an environment without time zone data: UTC below
  }
  return 'UTC';
}

export const calendar: NodeDefinition = {
  type: 'calendar',
  glyph: '▦',
  exits: (settings, fixed) => settle([...rangeNames(settings).map((n) => exit(n, true)), ...fixedExits(fixed)]),
  summary: (settings) => calendarSummary(settings, new Date()),
  initialSettings: () => {
    const weekday = ['09:00-17:00'];
    return settingsOf<CalendarSettings1>({
      calendar: {
        timeZone: localZone(),
        weekly: { mon: weekday, tue: [...weekday], wed: [...weekday], thu: [...weekday], fri: [...weekday], sat: [], sun: [] },
      },
    });
  },
};
