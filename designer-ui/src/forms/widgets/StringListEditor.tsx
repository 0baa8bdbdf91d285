/**
 * A list of strings: chips with an input that adds on Enter or comma (phrases, weekdays, months), or a text area of
 * one item a line (example sentences, which contain commas). Each item is checked against the item schema.
 */
import { useId, useState, type JSX } from 'react';
import { appendUnique, asArray, orUndefined, removeAt, splitList } from '../edit';
import { validateField } from '../validate';
import { Suggestions } from './TextInput';
import type { ListMode, WidgetProps } from './types';

const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');

export function StringListEditor(props: WidgetProps & { listMode?: ListMode }): JSX.Element {
  const { field, value, onChange, pointer, ctx, id, describedBy, listMode = 'chips', suggestions = [] } = props;
  const listId = useId();
  const items = asArray(value).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  const [text, setText] = useState('');
  const [draft, setDraft] = useState<string | null>(null);
  const itemProblems = field.item
    ? items.flatMap((s) => validateField(field.item ?? field, s).map((m) => `"${s}": ${m}`))
    : [];

  if (listMode === 'lines') {
    return (
      <>
        <textarea
          id={id}
          className="pf-input pf-textarea"
          rows={Math.min(6, Math.max(2, items.length + 1))}
          value={draft ?? items.join('\n')}
          placeholder="One a line"
          disabled={ctx.readOnly}
          aria-describedby={describedBy}
          data-field={pointer}
          onChange={(e) => {
            setDraft(e.target.value);
            onChange(orUndefined(linesOf(e.target.value)));
          }}
          onBlur={() => setDraft(null)}
        />
        <ItemProblems problems={itemProblems} />
      </>
    );
  }

  const add = (raw: string): void => {
    const parts = splitList(raw);
    if (parts.length > 0) onChange(field.uniqueItems ? appendUnique(items, parts) : [...items, ...parts]);
    setText('');
  };
  return (
    <>
      <div className="pf-chips pf-chip-box">
        {items.map((s, i) => {
          const problems = field.item ? validateField(field.item, s) : [];
          return (
            <span key={`${i}:${s}`} className={problems.length > 0 ? 'pf-chip pf-chip-invalid' : 'pf-chip'} data-field={`${pointer}/${i}`} title={problems.join(' ') || undefined}>
              {s}
              <button
                type="button"
                className="pf-chip-remove"
                aria-label={`Remove ${s}`}
                disabled={ctx.readOnly}
                onClick={() => onChange(orUndefined(removeAt(items, i)))}
              >
                ×
              </button>
            </span>
          );
        })}
        <input
          id={id}
          type="text"
          className="pf-chip-input"
          value={text}
          placeholder={items.length === 0 ? 'Type, then Enter or comma' : 'Add…'}
          disabled={ctx.readOnly}
          aria-describedby={describedBy}
          data-field={`${pointer}/-`}
          list={suggestions.length > 0 ? listId : undefined}
          autoComplete="off"
          onChange={(e) => {
            const typed = e.target.value;
            const cut = typed.lastIndexOf(',');
            if (cut < 0) setText(typed);
            else {
              add(typed.slice(0, cut));
              setText(typed.slice(cut + 1).trimStart());
            }
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(text);
            }
          }}
          onBlur={() => add(text)}
        />
      </div>
      {suggestions.length > 0 && <Suggestions id={listId} values={suggestions} />}
      <ItemProblems problems={itemProblems} />
    </>
  );
}

function ItemProblems({ problems }: { problems: string[] }): JSX.Element | null {
  if (problems.length === 0) return null;
  return (
    <ul className="pf-hints">
      {problems.map((m, i) => (
        <li key={i} className="pf-hint pf-error">
          {m}
        </li>
      ))}
    </ul>
  );
}
