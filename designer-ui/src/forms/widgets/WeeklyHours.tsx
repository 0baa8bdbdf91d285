/** The weekly opening hours: a row per day, Monday to Sunday, each with its ranges; a day without any is closed. */
import type { JSX } from 'react';
import { copyDay, setDay, WEEKDAYS, type Weekday } from '../calendarTime';
import { asArray, asRecord, asString, childPointer, orUndefined } from '../edit';
import { TimeRangeList } from './TimeRangeList';
import type { WidgetProps } from './types';

const WORKDAYS: readonly Weekday[] = ['tue', 'wed', 'thu', 'fri'];

export function WeeklyHours({ field, value, onChange, pointer, ctx, id }: WidgetProps): JSX.Element {
  const weekly = asRecord(value);
  const title = (day: Weekday): string => field.fields?.find((f) => f.key === day)?.title ?? day;
  const monday = asArray(weekly.mon).map(asString);
  return (
    <div className="pf-weekly">
      {WEEKDAYS.map((day, i) => (
        <div key={day} className="pf-day">
          <span className="pf-day-name" title={title(day)}>
            {title(day).slice(0, 3)}
          </span>
          <TimeRangeList
            id={i === 0 ? id : undefined}
            ranges={asArray(weekly[day]).map(asString)}
            onChange={(next) => onChange(orUndefined(setDay(weekly, day, next)))}
            pointer={childPointer(pointer, day)}
            label={title(day)}
            emptyText="Closed"
            readOnly={ctx.readOnly}
          />
        </div>
      ))}
      <button type="button" className="pf-button pf-link" disabled={ctx.readOnly} onClick={() => onChange(copyDay(weekly, 'mon', WORKDAYS))}>
        Copy {title('mon')}&apos;s hours ({monday.length === 0 ? 'closed' : monday.join(', ')}) to {title('tue')}–{title('fri')}
      </button>
    </div>
  );
}
