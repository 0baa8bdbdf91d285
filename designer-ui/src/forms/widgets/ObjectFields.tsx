/**
 * The fields of one object (the settings themselves, a menu option, a prompt version, a grammar), in schema order
 * unless told otherwise. When the object's keys come in alternatives, a select picks the alternative and only its
 * fields show; a field that depends on another (a TTS voice) shows once that one is there.
 */
import { useId, useState, type JSX, type ReactNode } from 'react';
import { activeBranch, isFieldShown, switchBranch } from '../choice';
import type { FormContext } from '../context';
import { childPointer, setKey, type Json } from '../edit';
import { FieldEditor, type FieldEditorProps } from '../FieldEditor';
import type { Hints } from '../listHints';
import { branchTitle, type Choice, type FieldDescriptor } from '../mapping';

export interface ObjectFieldsProps {
  fields: FieldDescriptor[];
  choice?: Choice;
  value: Json;
  onChange: (next: Json) => void;
  pointer: string;
  ctx: FormContext;
  hints?: Hints;
  /** The label of the alternative picker. */
  choiceLabel?: string;
  /** Offer a "none" alternative even when the schema wants exactly one (a prompt language without a version). */
  noneLabel?: string;
  /** Field keys to show first, in this order. */
  order?: readonly string[];
  /** Extra props for some fields' editors, by key. */
  overrides?: Record<string, Partial<FieldEditorProps>>;
}

function ordered(fields: FieldDescriptor[], order: readonly string[] | undefined): FieldDescriptor[] {
  if (!order) return fields;
  const rank = (f: FieldDescriptor): number => {
    const i = order.indexOf(f.key);
    return i < 0 ? order.length : i;
  };
  return [...fields].sort((a, b) => rank(a) - rank(b));
}

export function ObjectFields(props: ObjectFieldsProps): JSX.Element {
  const { fields, choice, value, onChange, pointer, ctx, hints, choiceLabel = 'Kind', noneLabel, order, overrides } = props;
  const pickerId = useId();
  const offerNone = choice !== undefined && (choice.optional || noneLabel !== undefined);
  const active = choice ? activeBranch(value, choice) : -1;
  const [picked, setPicked] = useState(offerNone ? -1 : 0);
  // Remember the alternative in use, so clearing its text does not switch the form to another one.
  if (active >= 0 && active !== picked) setPicked(active);
  const branch = active >= 0 ? active : picked;

  let pickerShown = false;
  const out: ReactNode[] = [];
  for (const field of ordered(fields, order)) {
    const inChoice = choice?.branches.some((b) => b.includes(field.key)) ?? false;
    if (choice && inChoice && !pickerShown) {
      pickerShown = true;
      out.push(
        <div key="#choice" className="pf-field pf-stacked pf-choice">
          <label htmlFor={pickerId} className="pf-label">
            {choiceLabel}
          </label>
          <select
            id={pickerId}
            className="pf-input pf-select"
            value={String(branch)}
            disabled={ctx.readOnly}
            data-choice={pointer || '/'}
            onChange={(e) => {
              const to = Number(e.target.value);
              setPicked(to);
              onChange(switchBranch(value, { fields, choice }, to));
            }}
          >
            {offerNone && <option value="-1">{noneLabel ?? '— none —'}</option>}
            {choice.branches.map((b, i) => (
              <option key={b.join('+')} value={String(i)}>
                {branchTitle(b, fields)}
              </option>
            ))}
          </select>
        </div>,
      );
    }
    if (!isFieldShown(field, value, choice, branch)) continue;
    out.push(
      <FieldEditor
        key={field.key}
        field={field}
        value={value[field.key]}
        onChange={(next) => onChange(setKey(value, field.key, next))}
        pointer={childPointer(pointer, field.key)}
        ctx={ctx}
        siblings={value}
        hints={hints}
        {...overrides?.[field.key]}
      />,
    );
  }
  return <>{out}</>;
}
