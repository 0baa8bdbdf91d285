/** Another flow's id, suggested from the flows the server has. */
import type { JSX } from 'react';
import { TextInput } from './TextInput';
import type { WidgetProps } from './types';

export function FlowRefInput(props: WidgetProps): JSX.Element {
  return <TextInput {...props} suggestions={props.ctx.flows} />;
}
