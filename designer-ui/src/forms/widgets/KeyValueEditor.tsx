/**
 * A map as rows of name and value (headers, subflow inputs and outputs, the http answer map). The rows live here while
 * they are incomplete; the settings get the complete ones, and a change from outside (an undo) resets the rows.
 */
import { useState, type JSX } from 'react';
import { asRecord, childPointer, escapePointer, orUndefined, removeAt, replaceAt } from '../edit';
import { FieldEditor } from '../FieldEditor';
import { duplicateRows, objectOfRows, rowsOf, sameEntries, type Row } from '../keyValue';
import type { FieldDescriptor } from '../mapping';
import { validateField } from '../validate';
import { builtinVariables, warningsOf } from '../warnings';
import { Suggestions } from './TextInput';
import type { WidgetProps } from './types';

export function KeyValueEditor({ field, value, onChange, pointer, ctx, id }: WidgetProps): JSX.Element {
  const obj = asRecord(value);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(obj));
  if (!sameEntries(objectOfRows(rows), objectOfRows(rowsOf(obj)))) setRows(rowsOf(obj));
  const emit = (next: Row[]): void => {
    setRows(next);
    onChange(orUndefined(objectOfRows(next)));
  };
  const keyField: FieldDescriptor = field.keyField ?? { key: '', title: 'Name', kind: 'text', required: true, schema: {} };
  // A row's value is one line, whatever the value schema's length.
  const valueField: FieldDescriptor | undefined = field.valueField && { ...field.valueField, multiline: false };
  const keyList = `${id}-keys`;
  const keySuggestions = keyField.kind === 'variable' ? [...ctx.variables, ...builtinVariables(keyField)] : [];
  const duplicates = duplicateRows(rows);
  const full = field.maxProperties !== undefined && rows.length >= field.maxProperties;

  return (
    <>
      {rows.length > 0 && (
        <div className="pf-kv">
          {rows.map((row, i) => {
            const problems = [
              ...(row.key === '' ? [] : validateField(keyField, row.key)),
              ...(duplicates.includes(i) ? [`"${row.key}" is already used above; this row is left out.`] : []),
            ];
            const warnings = keyField.kind === 'variable' ? warningsOf(keyField, row.key, ctx) : [];
            return (
              <div key={i} className="pf-kv-row">
                <input
                  type="text"
                  className="pf-input pf-kv-key"
                  value={row.key}
                  placeholder={keyField.title}
                  aria-label={`${keyField.title} ${i + 1}`}
                  disabled={ctx.readOnly}
                  data-field-key={`${pointer}/${escapePointer(row.key)}`}
                  list={keySuggestions.length > 0 ? keyList : undefined}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => emit(replaceAt(rows, i, { ...row, key: e.target.value.trim() }))}
                />
                {valueField ? (
                  <FieldEditor
                    field={{ ...valueField, title: `${valueField.title} of ${row.key || `row ${i + 1}`}` }}
                    value={row.value}
                    onChange={(next) => emit(replaceAt(rows, i, { ...row, value: next ?? '' }))}
                    pointer={childPointer(pointer, row.key)}
                    ctx={ctx}
                    labelHidden
                    className="pf-kv-value"
                  />
                ) : null}
                <button type="button" className="pf-icon pf-danger" aria-label={`Remove ${row.key || `row ${i + 1}`}`} title="Remove" disabled={ctx.readOnly} onClick={() => emit(removeAt(rows, i))}>
                  ×
                </button>
                {problems.length + warnings.length > 0 && (
                  <ul className="pf-hints pf-kv-hints">
                    {problems.map((m, k) => (
                      <li key={`e${k}`} className="pf-hint pf-error">
                        {m}
                      </li>
                    ))}
                    {warnings.map((m, k) => (
                      <li key={`w${k}`} className="pf-hint pf-warning">
                        {m}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      )}
      {keySuggestions.length > 0 && <Suggestions id={keyList} values={keySuggestions} />}
      <button type="button" id={id} className="pf-button pf-add" disabled={ctx.readOnly || full} data-add={pointer} onClick={() => emit([...rows, { key: '', value: '' }])}>
        + Add
      </button>
    </>
  );
}
