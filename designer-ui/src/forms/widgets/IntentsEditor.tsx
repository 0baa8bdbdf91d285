/**
 * An intent node's intents: a name (its exit, with the node it leads to), what it means and example sentences (one
 * a line, since sentences have commas). An intent with neither description nor examples is flagged.
 */
import type { JSX } from 'react';
import { asArray, asRecord, asString } from '../edit';
import { intentHints, newIntent } from '../listHints';
import { ArrayEditor } from './ArrayEditor';
import type { WidgetProps } from './types';

export function IntentsEditor(props: WidgetProps): JSX.Element {
  return (
    <ArrayEditor
      {...props}
      className="pf-intents"
      newItem={newIntent}
      itemTitle={(item, i) => [`Intent ${i + 1}`, asString(asRecord(item).name)].filter(Boolean).join(' · ')}
      extraHints={intentHints(asArray(props.value), props.pointer)}
      overrides={{ examples: { listMode: 'lines' } }}
    />
  );
}
