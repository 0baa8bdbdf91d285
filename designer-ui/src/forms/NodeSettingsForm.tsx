/**
 * The properties form of one node: every settings field the schema gives its type, rendered from the mapping.
 * It never changes `settings`: each edit hands a new object to onChange (the panel turns it into an undoable command),
 * and an optional field the user clears is left out. Inputs carry data-field, the JSON Pointer of their value within
 * the settings, which is also where the server's issues point.
 */
import { useMemo, type JSX } from 'react';
import type { NodeType, Settings } from '../model/flow';
import type { FormContext } from './context';
import type { Hints } from './listHints';
import { settingsShapeOf, settingsSchemaOf } from './mapping';
import { CalendarPreviewPanel } from './widgets/CalendarPreviewPanel';
import { ObjectFields } from './widgets/ObjectFields';
import './forms.css';

export interface NodeSettingsFormProps {
  type: NodeType;
  settings: Settings;
  onChange: (next: Settings) => void;
  ctx: FormContext;
  /** Messages to show at fields, by pointer within the settings: the server's issues (see settingsHints). */
  hints?: Hints;
}

export function NodeSettingsForm(props: NodeSettingsFormProps): JSX.Element {
  const { type, settings, onChange, ctx, hints } = props;
  const shape = useMemo(() => settingsShapeOf(type, ctx.root), [type, ctx.root]);
  const known = useMemo(() => settingsSchemaOf(type, ctx.root) !== undefined, [type, ctx.root]);
  if (shape.fields.length === 0) {
    return (
      <div className="pf-form" data-form={type}>
        <p className="pf-description">{known ? 'This node has no settings.' : `The schema has no settings for the type "${type}".`}</p>
      </div>
    );
  }
  return (
    <div className="pf-form" data-form={type}>
      {/* Each control is disabled for viewers on its own: a disabled fieldset would also lock the language tabs. */}
      <div className="pf-root">
        <ObjectFields fields={shape.fields} choice={shape.choice} value={settings} onChange={onChange} pointer="" ctx={ctx} hints={hints} />
      </div>
      {shape.fields.some((f) => f.kind === 'calendar') && <CalendarPreviewPanel settings={settings} ctx={ctx} />}
    </div>
  );
}
