/** The flow's variables as buttons that insert a reference at the caret ({{name}} in a template, name in an expression). */
import type { JSX } from 'react';

export function VariableChips(props: { variables: readonly string[]; format: (name: string) => string; onInsert: (token: string) => void; disabled: boolean }): JSX.Element | null {
  const { variables, format, onInsert, disabled } = props;
  if (variables.length === 0 || disabled) return null;
  return (
    <div className="pf-chips pf-var-chips" role="group" aria-label="Insert a variable">
      {variables.map((name) => (
        <button
          key={name}
          type="button"
          className="pf-chip pf-chip-var"
          title={`Insert ${format(name)}`}
          // Keep the focus (and the caret) in the text while clicking.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onInsert(format(name))}
        >
          {format(name)}
        </button>
      ))}
    </div>
  );
}
