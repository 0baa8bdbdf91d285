/**
 * A symbolic name (queue, gateway, mailbox…) suggested from the environment's bindings. A name the environment does
 * not declare gets a warning from the field, not a refusal: without a binding the name is used as it is.
 */
import type { JSX } from 'react';
import { TextInput } from './TextInput';
import type { WidgetProps } from './types';

export function SymbolPicker(props: WidgetProps): JSX.Element {
  const kind = props.field.symbolKind;
  const names = (kind ? props.ctx.symbols[kind]?.names : undefined) ?? [];
  return <TextInput {...props} suggestions={names} />;
}
