/** An object with fixed properties (an ask grammar, public holidays) as a group of fields. */
import type { JSX } from 'react';
import { asRecord, orUndefined } from '../edit';
import { ObjectFields } from './ObjectFields';
import type { WidgetProps } from './types';

/** "builtin: transcribe" for a default object, to name what "none" falls back to. */
export function defaultSummary(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const parts = Object.entries(value).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export function ObjectEditor({ field, value, onChange, pointer, ctx, hints }: WidgetProps): JSX.Element {
  const fallback = defaultSummary(field.default);
  return (
    <ObjectFields
      fields={field.fields ?? []}
      choice={field.choice}
      value={asRecord(value)}
      onChange={(next) => onChange(orUndefined(next))}
      pointer={pointer}
      ctx={ctx}
      hints={hints}
      noneLabel={fallback ? `Default (${fallback})` : undefined}
    />
  );
}
