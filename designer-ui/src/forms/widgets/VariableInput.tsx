/** A flow variable's name, suggested from the declared variables (and call.language where the schema allows it). */
import type { JSX } from 'react';
import { builtinVariables } from '../warnings';
import { TextInput } from './TextInput';
import type { WidgetProps } from './types';

export function VariableInput(props: WidgetProps): JSX.Element {
  return <TextInput {...props} suggestions={[...props.ctx.variables, ...builtinVariables(props.field)]} />;
}
