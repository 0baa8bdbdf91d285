/**
 * The node palette: every type of the server's catalogue, grouped as the catalogue groups them (Audio and input,
 * Logic, Time, Call) and searchable by name or description. Drag a type onto the canvas, or press Enter on it to
 * drop it in the middle of the view.
 */
import { useMemo, useState, type DragEvent } from 'react';
import type { CatalogueEntry } from '../api/types';
import type { NodeType } from '../model/flow';
import { definitionOf } from '../nodes/registry';
import { NODE_DRAG_TYPE } from './FlowCanvas';
import { paletteGroups } from './paletteGroups';

export function Palette({ catalogue, disabled, onAdd }: { catalogue: readonly CatalogueEntry[]; disabled: boolean; onAdd: (type: NodeType) => void }) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(catalogue, query), [catalogue, query]);
  const onDragStart = (e: DragEvent, type: NodeType) => {
    e.dataTransfer.setData(NODE_DRAG_TYPE, type);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <aside className="palette" aria-label="Node palette">
      <input className="palette-search" type="search" placeholder="Search nodes…" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search nodes" data-testid="palette-search" />
      {groups.map((g) => (
        <section key={g.group} className="palette-group">
          <h3>{g.group}</h3>
          {g.entries.map((c) => (
            <div
              key={c.type}
              className={`palette-item${disabled ? ' disabled' : ''}`}
              draggable={!disabled}
              onDragStart={(e) => onDragStart(e, c.type)}
              onDoubleClick={() => !disabled && onAdd(c.type)}
              onKeyDown={(e) => { if (e.key === 'Enter' && !disabled) onAdd(c.type); }}
              tabIndex={0}
              role="button"
              title={c.description}
              data-testid={`palette-${c.type}`}
            >
              <span className="palette-glyph" aria-hidden="true">{definitionOf(c.type).glyph}</span>
              <span className="palette-name">{c.type}</span>
            </div>
          ))}
        </section>
      ))}
      {groups.length === 0 && <p className="muted">No node type matches “{query}”.</p>}
    </aside>
  );
}
