/** Any JSON value, for a schema the mapping cannot read: the text is kept while it does not parse. */
import { useState, type JSX } from 'react';
import type { WidgetProps } from './types';

export function JsonInput({ value, onChange, pointer, ctx, id, describedBy }: WidgetProps): JSX.Element {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (value === undefined ? '' : JSON.stringify(value, null, 2));
  let bad = false;
  if (draft !== null && draft.trim() !== '') {
    try {
      JSON.parse(draft);
    } catch {
      bad = true;
    }
  }
  return (
    <>
      <textarea
        id={id}
        className="pf-input pf-textarea pf-code"
        rows={3}
        value={shown}
        disabled={ctx.readOnly}
        aria-describedby={describedBy}
        aria-invalid={bad || undefined}
        data-field={pointer}
        spellCheck={false}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          if (text.trim() === '') onChange(undefined);
          else {
            try {
              onChange(JSON.parse(text) as unknown);
            } catch {
              // Kept as a draft until it parses.
            }
          }
        }}
        onBlur={() => setDraft(null)}
      />
      {bad && <span className="pf-hint pf-error">Not valid JSON yet.</span>}
    </>
  );
}
