/** A node of this flow, picked from a list; a target that is not in the list is still shown, as it is. */
import type { JSX } from 'react';
import { NodeSelect } from './NodeSelect';
import type { WidgetProps } from './types';

export function NodeRefSelect({ value, onChange, pointer, ctx, id, describedBy }: WidgetProps): JSX.Element {
  const current = typeof value === 'string' ? value : '';
  return (
    <NodeSelect
      id={id}
      className="pf-input pf-select"
      value={current}
      nodes={ctx.nodes}
      none="— choose a node —"
      disabled={ctx.readOnly}
      aria-describedby={describedBy}
      data-field={pointer}
      onPick={(node) => onChange(node ?? undefined)}
    />
  );
}
