/**
 * The name of one of this node's exits (a menu option's, an intent's, a condition case's), with where it leads:
 * picking a node wires the exit through the form context (an undoable connect), not through the settings.
 */
import { useId, type JSX } from 'react';
import { TextInput } from './TextInput';
import { NodeSelect } from './NodeSelect';
import type { WidgetProps } from './types';

export function ExitTarget({ exit, ctx }: { exit: string; ctx: WidgetProps['ctx'] }): JSX.Element {
  const id = useId();
  const target = ctx.exits[exit] ?? '';
  return (
    <div className="pf-target">
      <label htmlFor={id} className="pf-target-label">
        Goes to
      </label>
      <NodeSelect
        id={id}
        className="pf-input pf-select"
        value={target}
        nodes={ctx.nodes}
        none={exit === '' ? '— name the exit first —' : '— not wired —'}
        disabled={ctx.readOnly || exit === ''}
        data-exit={exit}
        onPick={(node) => ctx.onWire(exit, node)}
      />
    </div>
  );
}

export function ExitNameInput(props: WidgetProps): JSX.Element {
  const exit = typeof props.value === 'string' ? props.value : '';
  return (
    <>
      <TextInput {...props} />
      <ExitTarget exit={exit} ctx={props.ctx} />
    </>
  );
}
