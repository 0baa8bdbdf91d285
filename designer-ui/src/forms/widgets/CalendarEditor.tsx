/**
 * A calendar written in the flow: its time zone, weekly hours, dated exceptions, public holidays and named ranges,
 * each part titled and described by the schema. Precedence (exception, holiday, named range, weekly hours) is the
 * schema's description of the calendar, shown above the parts.
 */
import type { JSX } from 'react';
import { dateIn, isKnownZone } from '../calendarTime';
import { asArray, asRecord, asString, childPointer, orUndefined, uniqueName } from '../edit';
import { duplicateHints } from '../listHints';
import { countrySuggestions, timeZoneSuggestions } from '../timeZones';
import { ArrayEditor } from './ArrayEditor';
import { DateInput } from './DateInput';
import { ExitNameInput } from './ExitNameInput';
import { ObjectFields } from './ObjectFields';
import { TextInput } from './TextInput';
import { AnyTimeWhenEmptyRanges, ClosedWhenEmptyRanges } from './TimeRangeList';
import type { WidgetProps } from './types';
import { WeeklyHours } from './WeeklyHours';

const ZONES = timeZoneSuggestions();
const COUNTRIES = countrySuggestions();
const WEEKDAY_SUGGESTIONS = ['mon-fri', 'sat-sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MONTH_SUGGESTIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'jul-aug', 'dec-jan'];

function exceptionTitle(item: unknown, index: number): string {
  const e = asRecord(item);
  const when = asString(e.date) || [asString(e.from), asString(e.to)].filter(Boolean).join(' to ');
  return [`Exception ${index + 1}`, when, asString(e.label)].filter(Boolean).join(' · ');
}

function ExceptionsEditor(props: WidgetProps): JSX.Element {
  return (
    <ArrayEditor
      {...props}
      className="pf-exceptions"
      newItem={() => ({ date: dateIn(Date.now()), hours: [] })}
      itemTitle={exceptionTitle}
      order={['date', 'from', 'to', 'label', 'hours']}
      overrides={{
        date: { widget: DateInput },
        from: { widget: DateInput },
        to: { widget: DateInput },
        hours: { widget: ClosedWhenEmptyRanges, layout: 'group' },
      }}
    />
  );
}

function NamedRangesEditor(props: WidgetProps): JSX.Element {
  const list = asArray(props.value);
  return (
    <ArrayEditor
      {...props}
      className="pf-named-ranges"
      newItem={(l) => ({ name: uniqueName(`range${l.length + 1}`, l.map((r) => asString(asRecord(r).name))) })}
      itemTitle={(item, i) => [`Range ${i + 1}`, asString(asRecord(item).name)].filter(Boolean).join(' · ')}
      extraHints={duplicateHints(list, 'name', props.pointer, 'range')}
      overrides={{
        // A range's name is an exit of the calendar node: wire it here like a menu option's.
        name: { widget: ExitNameInput },
        times: { widget: AnyTimeWhenEmptyRanges, layout: 'group' },
        weekdays: { suggestions: WEEKDAY_SUGGESTIONS },
        months: { suggestions: MONTH_SUGGESTIONS },
      }}
    />
  );
}

function CountryInput(props: WidgetProps): JSX.Element {
  return <TextInput {...props} onChange={(next) => props.onChange(typeof next === 'string' ? next.toUpperCase() : next)} />;
}

function HolidaysEditor({ field, value, onChange, pointer, ctx, hints }: WidgetProps): JSX.Element {
  return (
    <ObjectFields
      fields={field.fields ?? []}
      value={asRecord(value)}
      onChange={(next) => onChange(orUndefined(next))}
      pointer={pointer}
      ctx={ctx}
      hints={hints}
      overrides={{ country: { widget: CountryInput, suggestions: COUNTRIES } }}
    />
  );
}

export function CalendarEditor({ field, value, onChange, pointer, ctx, hints }: WidgetProps): JSX.Element {
  const calendar = asRecord(value);
  const zone = asString(calendar.timeZone);
  const zonePointer = childPointer(pointer, 'timeZone');
  const zoneHints = zone !== '' && !isKnownZone(zone) ? { [zonePointer]: [{ message: `This browser does not know the time zone "${zone}"; check the spelling (such as Europe/Paris).`, level: 'warning' as const }] } : {};
  return (
    <div className="pf-calendar">
      <ObjectFields
        fields={field.fields ?? []}
        value={calendar}
        onChange={(next) => onChange(orUndefined(next))}
        pointer={pointer}
        ctx={ctx}
        hints={{ ...hints, ...zoneHints }}
        overrides={{
          timeZone: { suggestions: ZONES },
          weekly: { widget: WeeklyHours },
          exceptions: { widget: ExceptionsEditor },
          holidays: { widget: HolidaysEditor },
          ranges: { widget: NamedRangesEditor },
        }}
      />
    </div>
  );
}
