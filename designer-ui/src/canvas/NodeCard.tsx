/**
 * A node on the canvas: its type, label, key settings and validation markers, with one handle per named exit.
 * Every text is rendered as text: a label like "<img onerror=…>" shows as those characters.
 */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { CardData } from './cardData';
import { heatColour } from './cardData';

export type CardNode = Node<CardData, 'card'>;

function NodeCardView({ data, selected }: NodeProps<CardNode>) {
  const { node, glyph, summary, exits, wired, start, errors, warnings, mark, heat, figure, readOnly } = data;
  const classes = ['card', `card-${node.type}`, `mark-${mark}`];
  if (selected) classes.push('selected');
  if (errors.length) classes.push('has-errors');
  else if (warnings.length) classes.push('has-warnings');
  const style = heat !== null ? { background: heatColour(heat) } : undefined;
  const title = [...errors, ...warnings].join('\n');
  return (
    <div className={classes.join(' ')} style={style} data-testid={`node-${node.id}`} data-node-id={node.id} data-mark={mark}>
      <Handle type="target" position={Position.Top} className="card-in" isConnectable={!readOnly} />
      <div className="card-head">
        <span className="card-glyph" aria-hidden="true">{glyph}</span>
        <span className="card-type">{node.type}</span>
        {start && <span className="card-start" title="The call starts here">START</span>}
        {errors.length > 0 && <span className="card-marker error" title={title} data-testid={`marker-${node.id}`} data-severity="error">⚠ {errors.length}</span>}
        {errors.length === 0 && warnings.length > 0 && <span className="card-marker warning" title={title} data-testid={`marker-${node.id}`} data-severity="warning">! {warnings.length}</span>}
      </div>
      <div className="card-label" title={node.id}>{node.label || node.id}</div>
      {summary.map((line, i) => <div key={i} className="card-summary">{line}</div>)}
      {figure !== null && <div className="card-figure" data-testid={`figure-${node.id}`}>{figure}</div>}
      {exits.length > 0 && (
        <div className="card-exits">
          {exits.map((e) => {
            const on = !!wired[e.name];
            const cls = ['card-exit', on ? 'wired' : e.required ? 'missing' : 'open'].join(' ');
            return (
              <div key={e.name} className={cls} title={on ? `${e.name} → ${wired[e.name] ?? ''}` : e.required ? `${e.name}: not wired (required)` : `${e.name}: not wired${e.otherwise ? ` (goes as ${e.otherwise})` : ''}`}>
                <span className="card-exit-name">{e.label ?? e.name}</span>
                <Handle type="source" id={e.name} position={Position.Bottom} className="card-out" isConnectable={!readOnly} data-testid={`handle-${node.id}-${e.name}`} />
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

export const NodeCard = memo(NodeCardView);
