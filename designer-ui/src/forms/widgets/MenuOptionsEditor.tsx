/**
 * A menu's options: keys, label, exit (with the node it leads to) and spoken phrases per option, in the order the
 * menu offers them. Keys used twice, keys that begin another option's and shared phrases are flagged as typed.
 */
import type { JSX } from 'react';
import { asArray, asRecord, asString } from '../edit';
import { menuOptionHints, newMenuOption } from '../listHints';
import { ArrayEditor } from './ArrayEditor';
import type { WidgetProps } from './types';

function optionTitle(item: unknown, index: number): string {
  const o = asRecord(item);
  const keys = asString(o.digits);
  const label = asString(o.label) || asString(o.exit);
  return [`Option ${index + 1}`, keys, label].filter(Boolean).join(' · ');
}

export function MenuOptionsEditor(props: WidgetProps): JSX.Element {
  return (
    <ArrayEditor
      {...props}
      className="pf-menu-options"
      newItem={newMenuOption}
      itemTitle={optionTitle}
      extraHints={menuOptionHints(asArray(props.value), props.pointer)}
      order={['digits', 'label', 'exit', 'phrases']}
      overrides={{ digits: { className: 'pf-col-keys' }, label: { className: 'pf-col-label' } }}
    />
  );
}
