/**
 * The properties of the selected node (label, settings form, exits) or, with nothing selected, of the flow. Edits
 * become commands (the panel never changes the document itself); typing bursts into one field join one undo step.
 */
import { useCallback, useMemo, useRef } from 'react';
import { api } from '../api/client';
import type { Editor } from '../store/editor';
import { useEditor } from '../store/editor';
import { NodeSettingsForm } from '../forms/NodeSettingsForm';
import type { CalendarPreview, FormContext } from '../forms/context';
import type { FlowDocument, FlowNode, Settings } from '../model/flow';
import { FlowProperties } from './FlowProperties';
import { settingsHints } from '../forms/serverIssues';
import { NodeSelect } from '../forms/widgets/NodeSelect';

/** Edits less than this apart join one undo step. */
const BURST_MS = 1200;

export function PropertiesPanel({ editor, flows }: { editor: Editor; flows: string[] }) {
  const selection = useEditor(editor, (s) => s.selection);
  const doc = useEditor(editor, (s) => s.doc);
  const readOnly = useEditor(editor, (s) => s.readOnly);
  const node = selection.length === 1 ? doc.nodes.find((n) => n.id === selection[0]) : undefined;

  if (selection.length > 1) {
    return (
      <div className="props" data-testid="props-multi">
        <h2>{selection.length} nodes selected</h2>
        <div className="props-actions">
          <button type="button" disabled={readOnly} onClick={() => editor.duplicateSelection()}>Duplicate</button>
          <button type="button" disabled={readOnly} className="danger" onClick={() => editor.deleteSelection()}>Delete</button>
        </div>
      </div>
    );
  }
  if (!node) return <FlowProperties editor={editor} doc={doc} readOnly={readOnly} />;
  return <NodeProperties key={node.id} editor={editor} doc={doc} node={node} readOnly={readOnly} flows={flows} />;
}

function NodeProperties({ editor, doc, node, readOnly, flows }: { editor: Editor; doc: FlowDocument; node: FlowNode; readOnly: boolean; flows: string[] }) {
  const entry = editor.session.byType.get(node.type);
  const exits = editor.exitsOf(node);
  const issues = useEditor(editor, (s) => s.issues);
  const own = issues.filter((i) => i.nodeId === node.id);
  const burst = useRef({ at: 0, n: 0 });
  // The server's issues inside the settings, shown at their fields (pointers /nodes/<index>/settings/...).
  const index = doc.nodes.indexOf(node);
  const hints = useMemo(() => settingsHints(issues, `/nodes/${index}/settings`), [issues, index]);

  const mergeKey = useCallback(() => {
    const now = Date.now();
    if (now - burst.current.at > BURST_MS) burst.current.n++;
    burst.current.at = now;
    return String(burst.current.n);
  }, []);

  const ctx: FormContext = useMemo(() => ({
    root: editor.session.schema,
    readOnly,
    languages: [doc.defaultLanguage, ...(doc.languages ?? []).filter((l) => l !== doc.defaultLanguage)],
    variables: Object.keys(doc.variables ?? {}),
    // The node itself too: a menu option may lead back to its own menu ("repeat").
    nodes: doc.nodes.map((n) => ({ id: n.id, label: n.label, type: n.type })),
    flows: flows.filter((f) => f !== doc.id),
    symbols: editor.session.symbols,
    exits: { ...(node.exits ?? {}) },
    onWire: (exit: string, target: string | null) => editor.connect(node.id, exit, target),
    previewCalendar: async (settings: Settings, at: string) => (await api.post<CalendarPreview>('/api/calendar/preview', { settings, at })).data,
  }), [editor, doc, node, readOnly, flows]);

  return (
    <div className="props" data-testid="props-node" data-node={node.id}>
      <h2><span className="props-type">{node.type}</span> <code className="props-id">{node.id}</code></h2>
      {entry && <p className="muted props-desc">{entry.description}</p>}
      <label htmlFor="node-label">Label</label>
      <input id="node-label" type="text" value={node.label ?? ''} maxLength={200} disabled={readOnly} placeholder={node.id}
        onChange={(e) => editor.execute('node.label', { id: node.id, label: e.target.value || undefined }, { mergeKey: `${node.id}:label:${mergeKey()}` })} data-testid="node-label" />
      {doc.start !== node.id && (
        <button type="button" className="link" disabled={readOnly} onClick={() => editor.execute('flow.update', { patch: { start: node.id } })}>Make this the start node</button>
      )}
      {own.length > 0 && (
        <ul className="props-issues">
          {own.map((i, k) => <li key={k} className={i.severity.toLowerCase()}>{i.exit ? `${i.exit}: ` : ''}{i.message}</li>)}
        </ul>
      )}
      <NodeSettingsForm
        type={node.type}
        settings={node.settings as Settings}
        onChange={(next) => editor.execute('node.settings', { id: node.id, settings: next }, { mergeKey: `${node.id}:settings:${mergeKey()}` })}
        ctx={ctx}
        hints={hints}
      />
      {exits.length > 0 && (
        <section className="props-exits">
          <h3>Exits</h3>
          <table>
            <tbody>
              {exits.map((e) => (
                <tr key={e.name} className={!node.exits?.[e.name] && e.required ? 'missing' : undefined}>
                  <td title={e.required ? 'required' : e.otherwise ? `unwired: goes as ${e.otherwise}` : 'optional'}>
                    {e.label ?? e.name}{e.required ? ' *' : ''}
                  </td>
                  <td>
                    <NodeSelect value={node.exits?.[e.name] ?? ''} nodes={ctx.nodes} disabled={readOnly} aria-label={`Target of exit ${e.name}`} data-testid={`exit-${e.name}`}
                      none={e.required ? '— not wired —' : e.otherwise ? `— as ${e.otherwise} —` : '— not wired —'}
                      onPick={(target) => editor.connect(node.id, e.name, target)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
