/**
 * A switch. With a default in the schema it is a checkbox showing the default until set; without one it has three
 * states, since "not set" means something of its own (a menu's speech is on when any option has phrases).
 */
import type { JSX } from 'react';
import type { WidgetProps } from './types';

export function BooleanInput({ field, value, onChange, pointer, ctx, id, describedBy }: WidgetProps): JSX.Element {
  if (typeof field.default === 'boolean') {
    const checked = typeof value === 'boolean' ? value : field.default;
    return (
      <input
        id={id}
        type="checkbox"
        className="pf-checkbox"
        checked={checked}
        disabled={ctx.readOnly}
        aria-describedby={describedBy}
        data-field={pointer}
        onChange={(e) => onChange(e.target.checked)}
      />
    );
  }
  const state = value === true ? 'on' : value === false ? 'off' : '';
  return (
    <select
      id={id}
      className="pf-input pf-select"
      value={state}
      disabled={ctx.readOnly}
      aria-describedby={describedBy}
      data-field={pointer}
      onChange={(e) => onChange(e.target.value === 'on' ? true : e.target.value === 'off' ? false : undefined)}
    >
      <option value="">Not set (automatic)</option>
      <option value="on">On</option>
      <option value="off">Off</option>
    </select>
  );
}
