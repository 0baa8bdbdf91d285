/**
 * A node picker that lists the flow's nodes only once it is opened (focus, click or a key): a 1,000-node flow would
 * otherwise put 1,000 options into every exit's picker, and selecting a menu node would build tens of thousands.
 * Closed, it holds the empty choice and the current value, so it shows what it is set to.
 */
import { useState, type JSX, type SelectHTMLAttributes } from 'react';
import type { FormContext } from '../context';
import { nodeName } from '../display';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  nodes: FormContext['nodes'];
  value: string;
  /** The label of the empty choice ("— not wired —"). */
  none: string;
  onPick: (id: string | null) => void;
};

export function NodeSelect({ nodes, value, none, onPick, ...rest }: Props): JSX.Element {
  const [open, setOpen] = useState(false);
  const opening = () => setOpen(true);
  const shown = open ? nodes : nodes.filter((n) => n.id === value);
  return (
    <select {...rest} value={value} onFocus={opening} onMouseDown={opening} onKeyDown={opening} onChange={(e) => onPick(e.target.value === '' ? null : e.target.value)}>
      <option value="">{none}</option>
      {shown.map((n) => (
        <option key={n.id} value={n.id}>
          {nodeName(n)}
        </option>
      ))}
      {value !== '' && !nodes.some((n) => n.id === value) && <option value={value}>{value}</option>}
    </select>
  );
}
