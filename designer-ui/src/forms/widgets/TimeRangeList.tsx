/**
 * Opening hours as a list of "HH:MM-HH:MM" ranges: one small input each, loosely typed text ("9-17") made canonical
 * when the input loses the focus, and a button adding the next range. Empty means closed (weekly hours, exceptions)
 * or any time (a named range), as the caller says.
 */
import type { JSX } from 'react';
import { normaliseTimeRange, nextTimeRange, overlappingRanges, timeRangeProblem } from '../calendarTime';
import { asArray, asString, orUndefined, removeAt, replaceAt } from '../edit';
import type { WidgetProps } from './types';

export interface TimeRangeListProps {
  ranges: readonly string[];
  onChange: (next: string[]) => void;
  pointer: string;
  /** Names the list in the labels of its controls ("Monday"). */
  label: string;
  emptyText: string;
  readOnly: boolean;
  /** The id of the add button, for a label pointing at the list. */
  id?: string;
}

export function TimeRangeList({ ranges, onChange, pointer, label, emptyText, readOnly, id }: TimeRangeListProps): JSX.Element {
  const overlaps = overlappingRanges(ranges);
  const problems = ranges
    .map((r, i) => {
      const problem = timeRangeProblem(r) ?? (overlaps.includes(i) ? 'It overlaps another range.' : undefined);
      return problem && `${r || `Range ${i + 1}`}: ${problem}`;
    })
    .filter((p): p is string => Boolean(p));
  return (
    <div className="pf-ranges">
      <div className="pf-range-row">
        {ranges.length === 0 && <span className="pf-empty-note">{emptyText}</span>}
        {ranges.map((r, i) => (
          <span key={i} className="pf-range-item">
            <input
              type="text"
              className={timeRangeProblem(r) ? 'pf-input pf-time pf-input-invalid' : 'pf-input pf-time'}
              value={r}
              placeholder="09:00-17:00"
              aria-label={`${label}, hours ${i + 1}`}
              disabled={readOnly}
              data-field={`${pointer}/${i}`}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => onChange(replaceAt([...ranges], i, e.target.value))}
              onBlur={(e) => {
                const canonical = normaliseTimeRange(e.target.value);
                if (canonical !== undefined && canonical !== e.target.value) onChange(replaceAt([...ranges], i, canonical));
              }}
            />
            <button type="button" className="pf-icon pf-danger" aria-label={`Remove ${label} hours ${r}`} title="Remove" disabled={readOnly} onClick={() => onChange(removeAt([...ranges], i))}>
              ×
            </button>
          </span>
        ))}
        <button type="button" id={id} className="pf-icon pf-add-range" aria-label={`Add hours on ${label}`} title="Add hours" disabled={readOnly} data-add={pointer} onClick={() => onChange([...ranges, nextTimeRange(ranges)])}>
          +
        </button>
      </div>
      {problems.length > 0 && (
        <ul className="pf-hints">
          {problems.map((m, k) => (
            <li key={k} className="pf-hint pf-error">
              {m}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const rangesOf = (value: unknown): string[] => asArray(value).map(asString);

/** Hours where an empty list is written as closed all day (exceptions). */
export function ClosedWhenEmptyRanges({ field, value, onChange, pointer, ctx, id }: WidgetProps): JSX.Element {
  return <TimeRangeList id={id} ranges={rangesOf(value)} onChange={onChange} pointer={pointer} label={field.title} emptyText="Closed all day" readOnly={ctx.readOnly} />;
}

/** Times of a named range, where no time means any time of day (the key is left out). */
export function AnyTimeWhenEmptyRanges({ field, value, onChange, pointer, ctx, id }: WidgetProps): JSX.Element {
  return (
    <TimeRangeList id={id} ranges={rangesOf(value)} onChange={(next) => onChange(orUndefined(next))} pointer={pointer} label={field.title} emptyText="Any time of day" readOnly={ctx.readOnly} />
  );
}
