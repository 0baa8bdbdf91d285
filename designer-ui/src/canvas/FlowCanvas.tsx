/**
 * The canvas: the flow's nodes as cards and their wired exits as edges, with zoom, pan, a minimap and fit view.
 * Positions live in the document's layout; a drag moves a card locally and becomes one undoable move when it ends.
 * Wires are checked by the pure canConnect rule while they are drawn.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background, Controls, MiniMap, ReactFlow, useReactFlow, applyNodeChanges,
  type Connection, type Edge, type EdgeChange, type IsValidConnection, type NodeChange, 
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { NodeCard, type CardNode } from './NodeCard';
import { heatOf, issueLines, markOf, type CardData } from './cardData';
import { defaultPosition } from './layout';
import type { Editor, EditorState } from '../store/editor';
import { useEditor } from '../store/editor';
import { definitionOf } from '../nodes/registry';
import { canConnect } from '../rules/canConnect';
import type { NodeType, Settings } from '../model/flow';
import type { ValidationIssue } from '../api/types';

export const NODE_DRAG_TYPE = 'application/x-ivr-node-type';

/** Above this many nodes the canvas draws only what is in view and opens at the start node. */
const BIG_FLOW = 150;

const nodeTypes = { card: NodeCard };

interface Props {
  editor: Editor;
  /** Where the canvas keeps its node sizes, for the auto-layout. */
  sizes: Map<string, { width: number; height: number }>;
}

export function FlowCanvas({ editor, sizes }: Props) {
  const doc = useEditor(editor, (s) => s.doc);
  const issues = useEditor(editor, (s) => s.issues);
  const overlay = useEditor(editor, (s) => s.overlay);
  const selection = useEditor(editor, (s) => s.selection);
  const readOnly = useEditor(editor, (s) => s.readOnly);
  const fitRequest = useEditor(editor, (s) => s.fitRequest);
  const flow = useReactFlow();
  // Fit once when a flow with nodes opens; an empty canvas keeps zoom 1, so drops land where the pointer is. A big
  // flow opens at its start node instead, readable, with the minimap for the whole: fitting 1,000 cards would draw
  // them all at a zoom where none can be read (and pan at a third of the frame rate).
  const [fitAtStart] = useState(() => doc.nodes.length > 0 && doc.nodes.length <= BIG_FLOW);
  const [startAtStart] = useState(() => doc.nodes.length > BIG_FLOW);
  useEffect(() => {
    if (!startAtStart) return undefined;
    const t = setTimeout(() => {
      const start = doc.layout?.[doc.start] ?? { x: 0, y: 0 };
      void flow.setCenter(start.x + 110, start.y + 200, { zoom: 0.8 });
    }, 0);
    return () => clearTimeout(t);
    // Only when the flow opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [startAtStart]);

  const cache = useRef(new Map<string, { key: unknown[]; node: CardNode }>());
  const derived = useMemo(() => buildNodes(editor, doc, issues, overlay, selection, readOnly, cache.current), [editor, doc, issues, overlay, selection, readOnly]);
  const [nodes, setNodes] = useState<CardNode[]>(derived);
  useEffect(() => {
    setNodes((current) => {
      // Keep what React Flow measured, and the place of a card being dragged right now: a validation answer
      // arriving mid-drag must not snap it back to where the document last had it.
      const local = new Map(current.map((n) => [n.id, n]));
      return derived.map((n) => {
        const was = local.get(n.id);
        if (!was) return n;
        if (was.dragging) return { ...n, position: was.position, dragging: true, measured: was.measured ?? n.measured };
        return n.measured || !was.measured ? n : { ...n, measured: was.measured };
      });
    });
  }, [derived]);

  const edges = useMemo(() => buildEdges(doc, overlay), [doc, overlay]);

  useEffect(() => {
    if (fitRequest > 1) {
      const t = setTimeout(() => void flow.fitView({ padding: 0.15, maxZoom: 1.2, duration: 200 }), 50);
      return () => clearTimeout(t);
    }
    return undefined;
  }, [fitRequest, flow]);

  const onNodesChange = useCallback((changes: NodeChange<CardNode>[]) => {
    // Selection goes to the editor and removal through commands (onBeforeDelete); React Flow only moves and measures.
    const local = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
    for (const c of local) if (c.type === 'dimensions' && c.dimensions) sizes.set(c.id, c.dimensions);
    if (local.length) setNodes((nds) => applyNodeChanges(local, nds));
    const picks = changes.filter((c) => c.type === 'select');
    if (picks.length) {
      const next = new Set(editor.getState().selection);
      for (const c of picks) {
        if (c.type !== 'select') continue;
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      editor.select(editor.getState().doc.nodes.filter((n) => next.has(n.id)).map((n) => n.id));
    }
  }, [editor, sizes]);

  const [edgeSelection, setEdgeSelection] = useState<ReadonlySet<string>>(new Set());
  const shownEdges = useMemo(() => (edgeSelection.size ? edges.map((e) => (edgeSelection.has(e.id) ? { ...e, selected: true } : e)) : edges), [edges, edgeSelection]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const picks = changes.filter((c) => c.type === 'select');
    if (picks.length) {
      setEdgeSelection((current) => {
        const next = new Set(current);
        for (const c of picks) {
        if (c.type !== 'select') continue;
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
        return next;
      });
    }
  }, []);

  /** Delete or Backspace: the selected nodes (one undo step), else the selected wires. Never React Flow's own removal. */
  const onBeforeDelete = useCallback(async ({ nodes: gone, edges: cut }: { nodes: CardNode[]; edges: Edge[] }) => {
    if (editor.getState().readOnly) return false;
    if (gone.length) {
      editor.execute('nodes.remove', { ids: gone.map((n) => n.id) });
      editor.select([]);
    } else {
      for (const e of cut) {
        const [source, exit] = e.id.split('|') as [string, string];
        editor.connect(source, exit, null);
      }
      setEdgeSelection(new Set());
    }
    return false;
  }, [editor]);

  const onNodeDragStop = useCallback((_e: unknown, _n: CardNode, dragged: CardNode[]) => {
    const to: Record<string, { x: number; y: number }> = {};
    for (const n of dragged) to[n.id] = n.position;
    if (Object.keys(to).length) editor.move(to);
  }, [editor]);


  const isValidConnection: IsValidConnection = useCallback((c) => {
    const source = editor.node(c.source);
    if (!source || !c.sourceHandle) return false;
    return canConnect(editor.getState().doc, c.source, c.sourceHandle, c.target, editor.exitsOf(source).map((e) => e.name), editor.getState().readOnly).ok;
  }, [editor]);

  const onConnect = useCallback((c: Connection) => {
    if (c.sourceHandle) editor.connect(c.source, c.sourceHandle, c.target);
  }, [editor]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(NODE_DRAG_TYPE)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback((e: DragEvent) => {
    const type = e.dataTransfer.getData(NODE_DRAG_TYPE) as NodeType;
    if (!type) return;
    e.preventDefault();
    const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    editor.addNode(type, { x: p.x - 110, y: p.y - 30 });
  }, [editor, flow]);

  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
      <ReactFlow<CardNode, Edge>
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onBeforeDelete={onBeforeDelete}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        onlyRenderVisibleElements={doc.nodes.length > BIG_FLOW}
        minZoom={0.05}
        maxZoom={2}
        fitView={fitAtStart}
        fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable nodeStrokeWidth={3} style={{ width: 160, height: 110 }} nodeColor={(n) => minimapColour(n as CardNode)} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

function minimapColour(n: CardNode): string {
  const d = n.data;
  if (d.errors.length) return '#d33';
  if (d.mark === 'current') return '#16a34a';
  if (d.mark === 'visited') return '#3b82f6';
  if (d.mark === 'added') return '#22c55e';
  if (d.mark === 'changed') return '#f59e0b';
  return '#94a3b8';
}

function buildNodes(editor: Editor, doc: EditorState['doc'], issues: readonly ValidationIssue[], overlay: EditorState['overlay'],
  selection: readonly string[], readOnly: boolean, cache: Map<string, { key: unknown[]; node: CardNode }>): CardNode[] {
  const byNode = new Map<string, ValidationIssue[]>();
  for (const i of issues) {
    if (!i.nodeId) continue;
    const list = byNode.get(i.nodeId) ?? [];
    list.push(i);
    byNode.set(i.nodeId, list);
  }
  const selected = new Set(selection);
  const seen = new Set<string>();
  const out: CardNode[] = doc.nodes.map((n, index) => {
    seen.add(n.id);
    const position = doc.layout?.[n.id] ?? defaultPosition(index);
    const nodeIssues = byNode.get(n.id) ?? [];
    const mark = markOf(overlay, n.id);
    const { heat, figure } = heatOf(overlay, n.id);
    const isStart = doc.start === n.id;
    const key: unknown[] = [n, position.x, position.y, issuesKey(nodeIssues), mark, heat, figure, isStart, selected.has(n.id), readOnly];
    const hit = cache.get(n.id);
    if (hit && hit.key.length === key.length && hit.key.every((k, i) => k === key[i])) return hit.node;
    const def = definitionOf(n.type);
    const { errors, warnings } = issueLines(nodeIssues);
    let summary: string[];
    try {
      summary = def.summary(n.settings as Settings);
    } catch {
      summary = [];
    }
    const data: CardData = {
      node: n, glyph: def.glyph, summary, exits: editor.exitsOf(n), wired: { ...(n.exits ?? {}) }, start: isStart,
      errors, warnings, mark, heat, figure, readOnly,
    };
    const node: CardNode = { id: n.id, type: 'card', position: { x: position.x, y: position.y }, data, selected: selected.has(n.id) };
    cache.set(n.id, { key, node });
    return node;
  });
  for (const id of [...cache.keys()]) if (!seen.has(id)) cache.delete(id);
  return out;
}

function issuesKey(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${i.severity}:${i.code}:${i.exit ?? ''}:${i.message}`).join('\n');
}

function buildEdges(doc: EditorState['doc'], overlay: EditorState['overlay']): Edge[] {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const taken = new Set(overlay.kind === 'sim' ? overlay.exits.map((e) => `${e.source}|${e.exit}`) : []);
  const rewired = new Set(overlay.kind === 'diff' ? overlay.rewired.map((e) => `${e.source}|${e.exit}`) : []);
  const edges: Edge[] = [];
  for (const n of doc.nodes) {
    for (const [exit, target] of Object.entries(n.exits ?? {})) {
      if (!target || !ids.has(target)) continue;
      const id = `${n.id}|${exit}`;
      const cls = taken.has(id) ? 'edge-taken' : rewired.has(id) ? 'edge-rewired' : undefined;
      edges.push({ id, source: n.id, sourceHandle: exit, target, className: cls, animated: taken.has(id), data: { exit } });
    }
  }
  return edges;
}
