/** One of the schema's values. An optional field offers its default (or nothing) first, which removes the key. */
import type { JSX } from 'react';
import type { WidgetProps } from './types';

export function EnumSelect({ field, value, onChange, pointer, ctx, id, describedBy }: WidgetProps): JSX.Element {
  const values = (field.enum ?? []).map(String);
  const current = value === undefined || value === null ? '' : String(value);
  const blank = field.default !== undefined ? `Default (${String(field.default)})` : field.required ? '— choose —' : '— none —';
  return (
    <select
      id={id}
      className="pf-input pf-select"
      value={current}
      disabled={ctx.readOnly}
      aria-describedby={describedBy}
      data-field={pointer}
      onChange={(e) => {
        const picked = (field.enum ?? []).find((v) => String(v) === e.target.value);
        onChange(e.target.value === '' ? undefined : picked);
      }}
    >
      <option value="">{blank}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
      {current !== '' && !values.includes(current) && <option value={current}>{current} (not allowed)</option>}
    </select>
  );
}
