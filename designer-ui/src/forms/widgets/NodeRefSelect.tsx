/** A node of this flow, picked from a list; a target that is not in the list is still shown, as it is. */
import type { JSX } from 'react';
import type { FormContext } from '../context';
import { nodeName } from '../display';
import type { WidgetProps } from './types';

/** The options of a node picker: none, the flow's nodes, and the current value if it is not one of them. */
export function NodeOptions({ nodes, current, none }: { nodes: FormContext['nodes']; current: string; none: string }): JSX.Element {
  return (
    <>
      <option value="">{none}</option>
      {nodes.map((n) => (
        <option key={n.id} value={n.id}>
          {nodeName(n)}
        </option>
      ))}
      {current !== '' && !nodes.some((n) => n.id === current) && <option value={current}>{current}</option>}
    </>
  );
}

export function NodeRefSelect({ value, onChange, pointer, ctx, id, describedBy }: WidgetProps): JSX.Element {
  const current = typeof value === 'string' ? value : '';
  return (
    <select
      id={id}
      className="pf-input pf-select"
      value={current}
      disabled={ctx.readOnly}
      aria-describedby={describedBy}
      data-field={pointer}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    >
      <NodeOptions nodes={ctx.nodes} current={current} none="— choose a node —" />
    </select>
  );
}
