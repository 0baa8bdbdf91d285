/**
 * A list of objects (condition cases, assignments, menu options, intents) as cards that can be added, removed and
 * moved; order matters (the first true case wins). Exit names used twice are flagged across the cards.
 */
import type { JSX } from 'react';
import { asArray, asRecord, asString, childPointer, moveItem, orUndefined, removeAt, replaceAt, uniqueName } from '../edit';
import { FieldEditor, type FieldEditorProps } from '../FieldEditor';
import { exitNameHints, mergeHints, type Hints } from '../listHints';
import type { FieldDescriptor } from '../mapping';
import { ObjectFields } from './ObjectFields';
import type { WidgetProps } from './types';

export interface ArrayEditorProps extends WidgetProps {
  newItem?: (list: readonly unknown[]) => unknown;
  itemTitle?: (item: unknown, index: number) => string;
  extraHints?: Hints;
  order?: readonly string[];
  overrides?: Record<string, Partial<FieldEditorProps>>;
  className?: string;
}

/** "Case", "Option": what one item is called. */
const itemWord = (field: FieldDescriptor): string => field.item?.title ?? 'Item';

/** A new item: an object whose exit-name fields get names of their own ("case2"), or an empty string. */
export function defaultNewItem(field: FieldDescriptor, list: readonly unknown[]): unknown {
  const fields = field.itemFields;
  if (!fields) return '';
  const out: Record<string, unknown> = {};
  for (const f of fields.filter((x) => x.kind === 'exitName')) {
    const base = itemWord(field).toLowerCase().replace(/[^a-z0-9_]/g, '') || 'exit';
    out[f.key] = uniqueName(`${base}${list.length + 1}`, list.map((it) => asString(asRecord(it)[f.key])));
  }
  return out;
}

function defaultTitle(field: FieldDescriptor, item: unknown, index: number): string {
  const exitField = field.itemFields?.find((f) => f.kind === 'exitName');
  const name = exitField ? asString(asRecord(item)[exitField.key]) : '';
  return `${itemWord(field)} ${index + 1}${name ? ` · ${name}` : ''}`;
}

export function ArrayEditor(props: ArrayEditorProps): JSX.Element {
  const { field, value, onChange, pointer, ctx, newItem, itemTitle, extraHints = {}, order, overrides, className } = props;
  const list = asArray(value);
  const item = field.item;
  const word = itemWord(field);
  const hints = mergeHints(props.hints ?? {}, exitNameHints(list, field.itemFields ?? [], pointer, word.toLowerCase()), extraHints);
  const full = field.maxItems !== undefined && list.length >= field.maxItems;
  const title = (it: unknown, i: number): string => (itemTitle ? itemTitle(it, i) : defaultTitle(field, it, i));
  return (
    <>
      <ol className={`pf-list${className ? ` ${className}` : ''}`}>
        {list.map((it, i) => {
          const at = childPointer(pointer, i);
          const own = hints[at] ?? [];
          return (
            <li key={i} className="pf-item" data-item={at}>
              <div className="pf-item-head">
                <span className="pf-item-title">{title(it, i)}</span>
                <span className="pf-item-actions">
                  <button type="button" className="pf-icon" aria-label={`Move ${title(it, i)} up`} title="Move up" disabled={ctx.readOnly || i === 0} onClick={() => onChange(moveItem(list, i, i - 1))}>
                    ↑
                  </button>
                  <button type="button" className="pf-icon" aria-label={`Move ${title(it, i)} down`} title="Move down" disabled={ctx.readOnly || i === list.length - 1} onClick={() => onChange(moveItem(list, i, i + 1))}>
                    ↓
                  </button>
                  <button type="button" className="pf-icon pf-danger" aria-label={`Remove ${title(it, i)}`} title="Remove" disabled={ctx.readOnly} onClick={() => onChange(orUndefined(removeAt(list, i)))}>
                    ×
                  </button>
                </span>
              </div>
              {own.length > 0 && (
                <ul className="pf-hints">
                  {own.map((h, k) => (
                    <li key={k} className={`pf-hint pf-${h.level}`}>
                      {h.message}
                    </li>
                  ))}
                </ul>
              )}
              {item?.fields ? (
                <ObjectFields
                  fields={item.fields}
                  choice={item.choice}
                  value={asRecord(it)}
                  onChange={(next) => onChange(replaceAt(list, i, next))}
                  pointer={at}
                  ctx={ctx}
                  hints={hints}
                  order={order}
                  overrides={overrides}
                />
              ) : item ? (
                <FieldEditor field={item} value={it} onChange={(next) => onChange(replaceAt(list, i, next ?? ''))} pointer={at} ctx={ctx} labelHidden hints={hints} />
              ) : null}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="pf-button pf-add"
        disabled={ctx.readOnly || full}
        data-add={pointer}
        onClick={() => onChange([...list, newItem ? newItem(list) : defaultNewItem(field, list)])}
      >
        + Add {word.toLowerCase()}
      </button>
    </>
  );
}
