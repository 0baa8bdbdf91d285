/**
 * One flow's editor: palette, canvas, properties, and a dock with the issues, the simulator, the version history
 * and the statistics. Keyboard shortcuts work anywhere outside text fields.
 */
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { api, ApiError, seg } from '../api/client';
import type { FlowSummary } from '../api/types';
import type { FlowDocument } from '../model/flow';
import { Editor, useEditor } from '../store/editor';
import { atLeast, type Session } from '../store/session';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { Palette } from '../canvas/Palette';
import { autoLayout } from '../canvas/layout';
import { actionOf, inTextField } from '../canvas/shortcuts';
import { PropertiesPanel } from '../panels/PropertiesPanel';
import { IssuesPanel } from '../panels/IssuesPanel';
import { HelpOverlay } from '../panels/HelpOverlay';
import { PublishDialog } from '../panels/PublishDialog';
import { SimulatorPanel } from '../panels/sim/SimulatorPanel';
import { HistoryPanel } from '../panels/history/HistoryPanel';
import { StatsPanel } from '../panels/stats/StatsPanel';
import '../panels/dock.css';
import { TopBar } from './TopBar';
import { download } from './download';
import { setLeaveGuard } from './router';

type Dock = 'issues' | 'sim' | 'history' | 'stats';

// The page re-renders when its toolbar state changes; the parts below read the editor themselves, so an edit
// re-renders only the parts that show what changed.
const CanvasPart = memo(FlowCanvas);
const PalettePart = memo(Palette);
const PropertiesPart = memo(PropertiesPanel);
const IssuesPart = memo(IssuesPanel);
const SimulatorPart = memo(SimulatorPanel);
const HistoryPart = memo(HistoryPanel);
const StatsPart = memo(StatsPanel);

export function EditorPage({ session, flowId, onLogout }: { session: Session; flowId: string; onLogout: () => void }) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let opened: Editor | null = null;
    const newName = new URLSearchParams(location.search).get('new');
    // A new flow exists only in the browser until its first save; asking the server for it would be a 404.
    const opening = newName === null
      ? Editor.open(session, flowId)
      : api.get<FlowSummary[]>('/api/flows').then((r) => (r.data.some((f) => f.id === flowId) ? Editor.open(session, flowId) : Editor.create(session, flowId, newName)));
    opening
      .then((ed) => {
        opened = ed;
        if (live) setEditor(ed);
        else ed.dispose();
      })
      .catch((e: unknown) => live && setError(e instanceof ApiError && e.status === 404 ? `There is no flow "${flowId}".` : (e as Error).message));
    return () => {
      live = false;
      opened?.dispose();
    };
  }, [session, flowId]);

  if (error) return <div className="page"><TopBar session={session} onLogout={onLogout} /><p className="center error-text" role="alert">{error}</p></div>;
  if (!editor) return <div className="page"><TopBar session={session} onLogout={onLogout} /><p className="center muted">Opening {flowId}…</p></div>;
  return (
    <ReactFlowProvider>
      <EditorView editor={editor} session={session} onLogout={onLogout} />
    </ReactFlowProvider>
  );
}

function EditorView({ editor, session, onLogout }: { editor: Editor; session: Session; onLogout: () => void }) {
  const name = useEditor(editor, (s) => s.doc.name);
  const dirty = useEditor(editor, (s) => s.dirty);
  const canUndo = useEditor(editor, (s) => s.canUndo);
  const canRedo = useEditor(editor, (s) => s.canRedo);
  const errors = useEditor(editor, (s) => s.errors);
  const warnings = useEditor(editor, (s) => s.warnings);
  const busy = useEditor(editor, (s) => s.busy);
  const readOnly = useEditor(editor, (s) => s.readOnly);
  const notice = useEditor(editor, (s) => s.notice);
  useEditor(editor, (s) => s.revision);
  const flow = useReactFlow();
  // Good news fades after a few seconds; errors stay until dismissed.
  useEffect(() => {
    if (notice?.kind !== 'info') return undefined;
    const t = setTimeout(() => editor.notify(null), 6000);
    return () => clearTimeout(t);
  }, [notice, editor]);
  const [dock, setDock] = useState<Dock>('issues');
  const [help, setHelp] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [flows, setFlows] = useState<string[]>([]);
  const sizes = useMemo(() => new Map<string, { width: number; height: number }>(), []);
  const publishRule = editor.publishRule();
  const mayPublish = atLeast(session.me, 'PUBLISHER');

  useEffect(() => {
    api.get<FlowSummary[]>('/api/flows').then((r) => setFlows(r.data.map((f) => f.id))).catch(() => undefined);
  }, []);

  // Unsaved changes: the browser asks before the tab closes or reloads, the app before it navigates away.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (editor.getState().dirty && !editor.getState().readOnly) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    setLeaveGuard(() => !editor.getState().dirty || editor.getState().readOnly || confirm('Leave this flow? Your unsaved changes will be lost.'));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      setLeaveGuard(null);
    };
  }, [editor]);

  const layout = useCallback(async () => {
    if (editor.getState().readOnly) return;
    const positions = await autoLayout(editor.getState().doc, sizes);
    if (Object.keys(positions).length) editor.move(positions);
    editor.requestFit();
  }, [editor, sizes]);

  const addAtCentre = useCallback((type: Parameters<Editor['addNode']>[0]) => {
    const box = document.querySelector('.canvas')?.getBoundingClientRect();
    const p = flow.screenToFlowPosition({ x: (box?.left ?? 0) + (box?.width ?? 600) / 2, y: (box?.top ?? 0) + (box?.height ?? 400) / 2 });
    editor.addNode(type, { x: p.x - 110, y: p.y - 40 });
  }, [editor, flow]);

  const focusNode = useCallback((id: string) => {
    editor.select([id]);
    const n = flow.getNode(id);
    if (n) void flow.setCenter(n.position.x + (n.measured?.width ?? 220) / 2, n.position.y + (n.measured?.height ?? 100) / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 250 });
  }, [editor, flow]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (inTextField(e.target)) return;
      const action = actionOf(e);
      if (!action) return;
      e.preventDefault();
      switch (action) {
        case 'undo': editor.undo(); break;
        case 'redo': editor.redo(); break;
        case 'copy': editor.copySelection(); break;
        case 'paste': editor.paste(); break;
        case 'duplicate': editor.duplicateSelection(); break;
        case 'selectAll': editor.selectAll(); break;
        case 'save': void editor.save(); break;
        case 'layout': void layout(); break;
        case 'fit': editor.requestFit(); break;
        case 'help': setHelp(true); break;
        case 'escape': setHelp(false); setPublishing(false); editor.select([]); break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, layout]);

  const exportJson = async () => {
    if (editor.getState().dirty && !readOnly && !(await editor.save())) return;
    try {
      download(`${editor.flowId}.flow.json`, await api.text(`/api/flows/${seg(editor.flowId)}/export`));
    } catch (e) {
      editor.notify({ kind: 'error', text: `Export failed: ${(e as Error).message}` });
    }
  };

  const importJson = async (file: File) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (e) {
      editor.notify({ kind: 'error', text: `${file.name} is not JSON: ${(e as Error).message}` });
      return;
    }
    const imported = parsed as FlowDocument;
    if (!parsed || typeof parsed !== 'object' || imported.schema !== 'ivr-flow/1') {
      editor.notify({ kind: 'error', text: `${file.name} is not a flow document (expected "schema": "ivr-flow/1").` });
      return;
    }
    if (imported.id !== editor.flowId) {
      editor.notify({ kind: 'error', text: `${file.name} is flow "${String(imported.id)}", not "${editor.flowId}". Import it from the flows page to create it.` });
      return;
    }
    if (editor.replace(imported)) {
      editor.requestFit();
      editor.notify({ kind: 'info', text: `Imported ${file.name}. Save to keep it (Ctrl+Z undoes the import).` });
    }
  };

  return (
    <div className="page editor-page">
      <TopBar session={session} onLogout={onLogout}>
        <span className="flow-title" data-testid="flow-title">{name}</span>
        <span className={`dirty ${dirty ? 'on' : ''}`} data-testid="dirty">{readOnly ? 'read-only' : dirty ? '● unsaved' : 'saved'}</span>
      </TopBar>
      <div className="toolbar" role="toolbar" aria-label="Flow actions">
        <button type="button" onClick={() => editor.undo()} disabled={!canUndo || readOnly} title="Undo (Ctrl+Z)" data-testid="undo">↶ Undo</button>
        <button type="button" onClick={() => editor.redo()} disabled={!canRedo || readOnly} title="Redo (Ctrl+Shift+Z)" data-testid="redo">↷ Redo</button>
        <span className="sep" />
        <button type="button" onClick={() => void editor.save()} disabled={readOnly || !dirty || !!busy} title="Save the draft (Ctrl+S)" data-testid="save">Save</button>
        <button type="button" className="primary" onClick={() => setPublishing(true)} disabled={!mayPublish || !publishRule.ok || !!busy}
          title={mayPublish ? (publishRule.ok ? 'Publish a new version' : `Cannot publish: ${publishRule.ok ? '' : publishRule.reason}`) : 'Only publishers and admins may publish'} data-testid="publish">Publish</button>
        <span className="sep" />
        <button type="button" onClick={() => void layout()} disabled={readOnly} title="Auto-layout (Shift+L)" data-testid="layout">Auto-layout</button>
        <button type="button" onClick={() => editor.requestFit()} title="Fit view (Shift+F)" data-testid="fit">Fit</button>
        <button type="button" onClick={() => editor.duplicateSelection()} disabled={readOnly} title="Duplicate (Ctrl+D)">Duplicate</button>
        <button type="button" onClick={() => editor.deleteSelection()} disabled={readOnly} title="Delete (Del)" data-testid="delete">Delete</button>
        <span className="sep" />
        <button type="button" onClick={() => void exportJson()} data-testid="export">Export JSON</button>
        <label className={`button${readOnly ? ' disabled' : ''}`}>
          Import JSON
          <input type="file" accept=".json,application/json" hidden disabled={readOnly} data-testid="import"
            onChange={(e) => { const f = e.target.files?.[0]; if (f) void importJson(f); e.target.value = ''; }} />
        </label>
        <span className="sep" />
        <button type="button" onClick={() => setHelp(true)} title="Keyboard shortcuts (?)" data-testid="help-button">?</button>
        <span className="grow" />
        <button type="button" className={`counts ${errors ? 'has-errors' : ''}`} onClick={() => setDock('issues')} data-testid="issue-counts">
          {errors} error{errors === 1 ? '' : 's'} · {warnings} warning{warnings === 1 ? '' : 's'}
        </button>
        {busy && <span className="busy">{busy}</span>}
      </div>
      {notice && (
        <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{notice.text}</span>
          {notice.details && notice.details.length > 0 && <ul>{notice.details.map((d, i) => <li key={i}>{d}</li>)}</ul>}
          <button type="button" className="link" onClick={() => editor.notify(null)} aria-label="Dismiss">✕</button>
        </div>
      )}
      <div className="workspace">
        <PalettePart catalogue={session.catalogue} disabled={readOnly} onAdd={addAtCentre} />
        <div className="centre">
          <CanvasPart editor={editor} sizes={sizes} />
          <div className="dock">
            <div className="dock-tabs" role="tablist">
              {(['issues', 'sim', 'history', 'stats'] as const).map((d) => (
                <button key={d} type="button" role="tab" aria-selected={dock === d} className={dock === d ? 'active' : ''} onClick={() => setDock(d)} data-testid={`dock-${d}`}>
                  {d === 'issues' ? `Issues (${errors + warnings})` : d === 'sim' ? 'Simulator' : d === 'history' ? 'History' : 'Statistics'}
                </button>
              ))}
            </div>
            <div className="dock-body">
              {/* Every panel stays mounted: a simulated call or a heatmap outlives a tab switch. */}
              <div hidden={dock !== 'issues'}><IssuesPart editor={editor} onFocusNode={focusNode} /></div>
              <div hidden={dock !== 'sim'}><SimulatorPart editor={editor} /></div>
              <div hidden={dock !== 'history'}><HistoryPart editor={editor} /></div>
              <div hidden={dock !== 'stats'}><StatsPart editor={editor} /></div>
            </div>
          </div>
        </div>
        <aside className="properties" aria-label="Properties">
          <PropertiesPart editor={editor} flows={flows} />
        </aside>
      </div>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
      {publishing && (
        <PublishDialog warnings={warnings} onClose={() => setPublishing(false)}
          onPublish={async (comment) => { setPublishing(false); await editor.publish(comment); }} />
      )}
    </div>
  );
}
