/**
 * One field of a form: the shell (label, description, hints) around the widget its kind calls for. Widgets of
 * nested shapes (objects, lists, menu options) render further FieldEditors for their parts.
 */
import { useId, type ComponentType, type JSX } from 'react';
import type { FormContext } from './context';
import type { Json } from './edit';
import { describedByOf, FieldShell, type ShellLayout } from './FieldShell';
import { messagesOf, type Hints } from './listHints';
import type { FieldDescriptor, FieldKind } from './mapping';
import { isRequired, validateField } from './validate';
import { warningsOf } from './warnings';
import { ArrayEditor } from './widgets/ArrayEditor';
import { BooleanInput } from './widgets/BooleanInput';
import { CalendarEditor } from './widgets/CalendarEditor';
import { EnumSelect } from './widgets/EnumSelect';
import { ExitNameInput } from './widgets/ExitNameInput';
import { ExpressionInput } from './widgets/ExpressionInput';
import { FlowRefInput } from './widgets/FlowRefInput';
import { IntentsEditor } from './widgets/IntentsEditor';
import { JsonInput } from './widgets/JsonInput';
import { KeyValueEditor } from './widgets/KeyValueEditor';
import { LocalizedTextEditor } from './widgets/LocalizedTextEditor';
import { MenuOptionsEditor } from './widgets/MenuOptionsEditor';
import { NodeRefSelect } from './widgets/NodeRefSelect';
import { NumberInput } from './widgets/NumberInput';
import { ObjectEditor } from './widgets/ObjectEditor';
import { PromptEditor } from './widgets/PromptEditor';
import { StringListEditor } from './widgets/StringListEditor';
import { SymbolPicker } from './widgets/SymbolPicker';
import { TemplateInput } from './widgets/TemplateInput';
import { TextInput } from './widgets/TextInput';
import type { ListMode, Suggestion, WidgetProps } from './widgets/types';
import { VariableInput } from './widgets/VariableInput';

const GROUPS: ReadonlySet<FieldKind> = new Set<FieldKind>(['prompt', 'menuOptions', 'intents', 'calendar', 'keyValue', 'localizedText', 'object', 'array']);

function layoutOf(field: FieldDescriptor): ShellLayout {
  if (GROUPS.has(field.kind)) return 'group';
  if (field.kind === 'boolean' && typeof field.default === 'boolean') return 'inline';
  return 'stacked';
}

function Widget(props: WidgetProps & { listMode?: ListMode }): JSX.Element {
  switch (props.field.kind) {
    case 'text':
    case 'multiline':
      return <TextInput {...props} />;
    case 'number':
    case 'integer':
      return <NumberInput {...props} />;
    case 'boolean':
      return <BooleanInput {...props} />;
    case 'enum':
      return <EnumSelect {...props} />;
    case 'prompt':
      return <PromptEditor {...props} />;
    case 'menuOptions':
      return <MenuOptionsEditor {...props} />;
    case 'intents':
      return <IntentsEditor {...props} />;
    case 'calendar':
      return <CalendarEditor {...props} />;
    case 'keyValue':
      return <KeyValueEditor {...props} />;
    case 'expression':
      return <ExpressionInput {...props} />;
    case 'template':
      return <TemplateInput {...props} />;
    case 'variable':
      return <VariableInput {...props} />;
    case 'nodeRef':
      return <NodeRefSelect {...props} />;
    case 'flowRef':
      return <FlowRefInput {...props} />;
    case 'exitName':
      return <ExitNameInput {...props} />;
    case 'localizedText':
      return <LocalizedTextEditor {...props} />;
    case 'symbol':
      return <SymbolPicker {...props} />;
    case 'stringList':
      return <StringListEditor {...props} />;
    case 'object':
      return <ObjectEditor {...props} />;
    case 'array':
      return <ArrayEditor {...props} />;
    case 'json':
      return <JsonInput {...props} />;
  }
}

export interface FieldEditorProps {
  field: FieldDescriptor;
  value: unknown;
  onChange: (next: unknown) => void;
  pointer: string;
  ctx: FormContext;
  siblings?: Json;
  /** Hints across list items, by pointer: this field's own are shown with it, the rest passed down. */
  hints?: Hints;
  labelHidden?: boolean;
  /** For string lists: chips (the default) or one item a line. */
  listMode?: ListMode;
  /** Values to suggest in place of the schema's examples. */
  suggestions?: readonly Suggestion[];
  /** A widget of the caller's in place of the kind's (calendar hours, dates), inside the same shell. */
  widget?: ComponentType<WidgetProps>;
  layout?: ShellLayout;
  className?: string;
}

export function FieldEditor(props: FieldEditorProps): JSX.Element {
  const { field, value, onChange, pointer, ctx, siblings = {}, hints, labelHidden, listMode, suggestions, widget: Custom, className } = props;
  const layout = props.layout ?? layoutOf(field);
  const id = useId();
  const errors = [...validateField(field, value, siblings), ...messagesOf(hints?.[pointer], 'error')];
  const warnings = [...warningsOf(field, value, ctx), ...messagesOf(hints?.[pointer], 'warning')];
  const describedBy = describedByOf(id, Boolean(field.description) && !labelHidden, errors.length + warnings.length > 0);
  return (
    <FieldShell
      id={id}
      title={field.title}
      description={field.description}
      required={isRequired(field, siblings)}
      errors={errors}
      warnings={warnings}
      layout={layout}
      labelHidden={labelHidden}
      className={`pf-kind-${field.kind}${className ? ` ${className}` : ''}`}
    >
      {Custom ? (
        <Custom field={field} value={value} onChange={onChange} pointer={pointer} ctx={ctx} id={id} describedBy={describedBy} siblings={siblings} hints={hints} suggestions={suggestions} />
      ) : (
        <Widget
          field={field}
          value={value}
          onChange={onChange}
          pointer={pointer}
          ctx={ctx}
          id={id}
          describedBy={describedBy}
          siblings={siblings}
          hints={hints}
          listMode={listMode}
          suggestions={suggestions}
        />
      )}
    </FieldShell>
  );
}
