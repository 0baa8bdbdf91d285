/**
 * Trying the calendar: a date and time, in the calendar's zone, the browser's or UTC, sent with the node's settings as
 * they are now to the server, which answers open, closed or holiday (or a named range) and why. The server evaluates
 * with the same code as a call; the form only shows its answer, or its errors.
 */
import { useId, useRef, useState, type JSX } from 'react';
import type { Settings } from '../../model/flow';
import { localDateTime, zonedDateTime } from '../calendarTime';
import type { CalendarPreview, FormContext } from '../context';
import { asRecord, asString } from '../edit';
import { previewErrorMessages } from '../previewErrors';

type ZoneChoice = 'calendar' | 'browser' | 'utc';
type State = { status: 'idle' } | { status: 'busy' } | { status: 'done'; result: CalendarPreview; at: string } | { status: 'failed'; messages: string[] };

const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const DECISIONS: Record<CalendarPreview['decision'], string> = { open: 'Open', closed: 'Closed', holiday: 'Holiday' };

export function CalendarPreviewPanel({ settings, ctx }: { settings: Settings; ctx: FormContext }): JSX.Element {
  const id = useId();
  const calendarZone = asString(asRecord(settings.calendar).timeZone);
  const [choice, setChoice] = useState<ZoneChoice>(calendarZone ? 'calendar' : 'browser');
  const [local, setLocal] = useState(() => localDateTime(Date.now(), calendarZone || browserZone()) ?? '');
  const [state, setState] = useState<State>({ status: 'idle' });
  const request = useRef(0);
  const zone = choice === 'utc' ? 'UTC' : choice === 'calendar' && calendarZone ? calendarZone : browserZone();
  const at = zonedDateTime(local, zone);

  const check = (): void => {
    if (!at) {
      setState({ status: 'failed', messages: ['Pick a date and a time.'] });
      return;
    }
    const mine = ++request.current;
    setState({ status: 'busy' });
    ctx.previewCalendar(settings, at).then(
      (result) => {
        if (mine === request.current) setState({ status: 'done', result, at });
      },
      (error: unknown) => {
        if (mine === request.current) setState({ status: 'failed', messages: previewErrorMessages(error) });
      },
    );
  };

  return (
    <section className="pf-preview" aria-labelledby={`${id}-title`}>
      <h3 className="pf-preview-title" id={`${id}-title`}>
        Try the calendar
      </h3>
      <div className="pf-preview-row">
        <label htmlFor={`${id}-at`} className="pf-sr-only">
          Date and time
        </label>
        <input
          id={`${id}-at`}
          type="datetime-local"
          className="pf-input pf-datetime"
          value={local}
          disabled={ctx.readOnly}
          data-preview="at"
          onChange={(e) => setLocal(e.target.value)}
        />
        <label htmlFor={`${id}-zone`} className="pf-sr-only">
          Time zone of the date and time
        </label>
        <select id={`${id}-zone`} className="pf-input pf-select" value={choice} disabled={ctx.readOnly} data-preview="zone" onChange={(e) => setChoice(e.target.value as ZoneChoice)}>
          {calendarZone && <option value="calendar">{calendarZone}</option>}
          <option value="browser">This computer ({browserZone()})</option>
          <option value="utc">UTC</option>
        </select>
      </div>
      <div className="pf-preview-row">
        <button type="button" className="pf-button pf-primary" disabled={ctx.readOnly || state.status === 'busy'} data-preview="check" onClick={check}>
          {state.status === 'busy' ? 'Checking…' : 'Check'}
        </button>
        {at && <code className="pf-preview-at">{at}</code>}
      </div>
      <div role="status" aria-live="polite">
        {state.status === 'done' && (
          <div className={`pf-preview-result pf-decision-${state.result.decision}`} data-decision={state.result.decision}>
            <p className="pf-decision">
              <strong>{DECISIONS[state.result.decision] ?? state.result.decision}</strong>
              {state.result.exit !== state.result.decision && <span> · exit {state.result.exit}</span>}
            </p>
            <p className="pf-reason">{state.result.reason}</p>
            <p className="pf-description">Local time: {state.result.localTime}</p>
          </div>
        )}
        {state.status === 'failed' && (
          <ul className="pf-hints pf-preview-errors">
            {state.messages.map((m, i) => (
              <li key={i} className="pf-hint pf-error">
                {m}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
