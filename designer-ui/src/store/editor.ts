/**
 * One open flow in the designer: the document behind its command stack, the selection, the server's validation
 * issues, the lifecycle (save, publish) and what the canvas overlays (a simulated call's path, a diff, statistics).
 * React reads it through {@link useEditor}; nothing edits the document except commands.
 */
import { useSyncExternalStore } from 'react';
import { api, ApiError, seg } from '../api/client';
import type { PublishResult, SaveResult, ValidationIssue, ValidationResult, VersionSummary } from '../api/types';
import { createCommandStack, type CommandStack, type Commands } from '../commands';
import type { ExecuteOptions } from '../commands/CommandStack';
import type { FlowDocument, FlowNode, NodeType, Position, Settings } from '../model/flow';
import type { ExitInfo } from '../nodes/types';
import { definitionOf } from '../nodes/registry';
import { canEdit, canPublish, freshId, type RuleResult } from '../rules/canConnect';
import type { Session } from './session';

/** Per-node figures of the statistics overlay. */
export interface NodeFigures {
  entries: number;
  exits: Record<string, number>;
  hangups: number;
  timeouts: number;
  invalid: number;
  medianDwellMs?: number | null;
}

export type Overlay =
  | { kind: 'none' }
  | { kind: 'sim'; path: string[]; current?: string; exits: { source: string; exit: string }[] }
  | { kind: 'diff'; label: string; added: string[]; removed: string[]; changed: string[]; rewired: { source: string; exit: string }[] }
  | { kind: 'stats'; label: string; nodes: Record<string, NodeFigures>; max: number };

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  /** Field errors from the server, each at a JSON Pointer. */
  details?: string[];
}

export interface EditorState {
  doc: FlowDocument;
  revision: number | null;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  selection: readonly string[];
  issues: readonly ValidationIssue[];
  errors: number;
  warnings: number;
  validating: boolean;
  busy: string | null;
  readOnly: boolean;
  overlay: Overlay;
  notice: Notice | null;
  /** Bumped when the canvas should fit the view (a load, an auto-layout). */
  fitRequest: number;
  /** Bumped by each publish or rollback seen here: what depends on the versions reloads on it. */
  publishes: number;
  /** The published versions, newest first; null until loaded (a flow not yet saved has none). */
  versions: readonly VersionSummary[] | null;
  /** Why the versions could not be listed, when they could not. */
  versionsError: Notice | null;
}

const isError = (i: ValidationIssue) => i.severity.toLowerCase() === 'error';

export class Editor {
  readonly session: Session;
  readonly flowId: string;
  private readonly stack: CommandStack;
  private state: EditorState;
  private readonly listeners = new Set<() => void>();
  private validateTimer: ReturnType<typeof setTimeout> | undefined;
  private validateSeq = 0;
  private clipboard: { nodes: FlowNode[]; positions: Record<string, Position> } | null = null;

  constructor(session: Session, doc: FlowDocument, revision: number | null) {
    this.session = session;
    this.flowId = doc.id;
    this.stack = createCommandStack(doc, (n) => this.exitsOf(n).map((e) => e.name));
    this.state = {
      doc, revision, dirty: false, canUndo: false, canRedo: false, selection: [], issues: [], errors: 0, warnings: 0,
      validating: false, busy: null, readOnly: !canEdit(session.me.role), overlay: { kind: 'none' }, notice: null, fitRequest: 1, publishes: 0, versions: null, versionsError: null,
    };
    this.stack.subscribe(() => this.fromStack());
  }

  static async open(session: Session, flowId: string): Promise<Editor> {
    const r = await api.get<FlowDocument>(`/api/flows/${seg(flowId)}`);
    const editor = new Editor(session, r.data, etagOf(r.headers));
    void editor.validate();
    void editor.loadVersions();
    return editor;
  }

  /** A flow that exists only in the browser until its first save: an empty canvas. */
  static create(session: Session, flowId: string, name: string): Editor {
    const doc = { schema: 'ivr-flow/1', id: flowId, name, defaultLanguage: 'en-US', start: '', nodes: [] } as unknown as FlowDocument;
    const editor = new Editor(session, doc, null);
    editor.state = { ...editor.state, dirty: true, versions: [] };
    return editor;
  }

  // ---- reading

  getState = (): EditorState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The exits of a node: its type's definition over the catalogue's fixed exits. */
  exitsOf(node: FlowNode): ExitInfo[] {
    const fixed = this.session.byType.get(node.type)?.fixedExits ?? [];
    try {
      return definitionOf(node.type).exits(node.settings as Settings, fixed);
    } catch {
      return fixed.map((e) => ({ name: e.name, required: e.required, otherwise: e.otherwise }));
    }
  }

  node(id: string): FlowNode | undefined {
    return this.state.doc.nodes.find((n) => n.id === id);
  }

  issuesOf(nodeId: string): ValidationIssue[] {
    return this.state.issues.filter((i) => i.nodeId === nodeId);
  }

  publishRule(): RuleResult {
    return canPublish(this.session.me.role, this.state.errors, this.state.dirty);
  }

  // ---- editing (all through commands)

  execute<K extends keyof Commands>(command: K, ctx: Commands[K], options?: ExecuteOptions): boolean {
    if (this.state.readOnly) {
      this.notify({ kind: 'error', text: 'You may view this flow but not change it.' });
      return false;
    }
    try {
      return this.stack.execute(command, ctx, options);
    } catch (e) {
      this.notify({ kind: 'error', text: `That edit could not be made: ${(e as Error).message}` });
      return false;
    }
  }

  canExecute<K extends keyof Commands>(command: K, ctx: Commands[K]): true | string {
    return this.state.readOnly ? 'read-only' : this.stack.canExecute(command, ctx);
  }

  undo(): void {
    if (!this.state.readOnly) this.stack.undo();
  }

  redo(): void {
    if (!this.state.readOnly) this.stack.redo();
  }

  /** Drops a new node of this type at a canvas position; the first node of an empty flow becomes the start. */
  addNode(type: NodeType, position: Position): string | null {
    const id = freshId(this.state.doc, type);
    const node: FlowNode = { id, type, settings: definitionOf(type).initialSettings() };
    const first = !this.state.doc.nodes.some((n) => n.id === this.state.doc.start);
    const ok = this.execute('nodes.add', { nodes: [node], positions: { [id]: position }, makeStart: first });
    if (!ok) return null;
    this.select([id]);
    return id;
  }

  setSettings(id: string, settings: Settings, field?: string): void {
    this.execute('node.settings', { id, settings }, field ? { mergeKey: `${id}:settings:${field}` } : undefined);
  }

  setLabel(id: string, label: string): void {
    this.execute('node.label', { id, label: label || undefined }, { mergeKey: `${id}:label` });
  }

  connect(source: string, exit: string, target: string | null): void {
    this.execute('exit.connect', { source, exit, target });
  }

  move(to: Record<string, Position>): void {
    this.execute('nodes.move', { to });
  }

  deleteSelection(): void {
    const ids = this.state.selection.filter((id) => this.node(id));
    if (ids.length === 0) return;
    if (this.execute('nodes.remove', { ids })) this.select([]);
  }

  copySelection(): number {
    const ids = new Set(this.state.selection);
    const nodes = this.state.doc.nodes.filter((n) => ids.has(n.id));
    if (nodes.length === 0) return 0;
    const positions: Record<string, Position> = {};
    for (const n of nodes) positions[n.id] = this.state.doc.layout?.[n.id] ?? { x: 0, y: 0 };
    this.clipboard = { nodes: structuredClone(nodes), positions };
    return nodes.length;
  }

  /** Pastes the copied nodes with new ids, 40 px down and right; wires among them are kept, others dropped. */
  paste(offset: Position = { x: 40, y: 40 }): string[] {
    if (!this.clipboard) return [];
    const taken = new Set<string>();
    const rename = new Map<string, string>();
    for (const n of this.clipboard.nodes) {
      const id = freshId(this.state.doc, n.id, taken);
      taken.add(id);
      rename.set(n.id, id);
    }
    const nodes: FlowNode[] = this.clipboard.nodes.map((n) => {
      const exits: Record<string, string> = {};
      for (const [exit, target] of Object.entries(n.exits ?? {})) {
        const t = target && rename.get(target);
        if (t) exits[exit] = t;
      }
      const copy: FlowNode = { ...structuredClone(n), id: rename.get(n.id) as string };
      delete copy.exits;
      return Object.keys(exits).length ? { ...copy, exits } : copy;
    });
    const positions: Record<string, Position> = {};
    for (const [old, p] of Object.entries(this.clipboard.positions)) positions[rename.get(old) as string] = { x: p.x + offset.x, y: p.y + offset.y };
    if (!this.execute('nodes.add', { nodes, positions })) return [];
    const ids = nodes.map((n) => n.id);
    this.clipboard = { nodes: nodes.map((n) => structuredClone(n)), positions };
    this.select(ids);
    return ids;
  }

  duplicateSelection(): string[] {
    const saved = this.clipboard;
    if (this.copySelection() === 0) return [];
    const ids = this.paste();
    this.clipboard = saved;
    return ids;
  }

  // ---- selection and view

  select(ids: readonly string[]): void {
    const same = ids.length === this.state.selection.length && ids.every((id, i) => this.state.selection[i] === id);
    if (!same) this.set({ selection: [...ids] });
  }

  selectAll(): void {
    this.select(this.state.doc.nodes.map((n) => n.id));
  }

  requestFit(): void {
    this.set({ fitRequest: this.state.fitRequest + 1 });
  }

  setOverlay(overlay: Overlay): void {
    this.set({ overlay });
  }

  notify(notice: Notice | null): void {
    this.set({ notice });
  }

  // ---- lifecycle

  async validate(): Promise<void> {
    const seq = ++this.validateSeq;
    this.set({ validating: true });
    try {
      const r = this.state.readOnly
        ? await api.get<ValidationResult>(`/api/flows/${seg(this.flowId)}/validation`)
        : await api.post<ValidationResult>('/api/validate', this.state.doc);
      if (seq === this.validateSeq) this.setIssues(r.data.issues);
    } catch (e) {
      if (seq === this.validateSeq) this.setIssues(issuesOfError(e));
    } finally {
      if (seq === this.validateSeq) this.set({ validating: false });
    }
  }

  async save(): Promise<boolean> {
    if (this.state.readOnly) return false;
    this.set({ busy: 'Saving…' });
    try {
      const doc = this.state.doc;
      // A new flow is created by its first save; after that each save names the revision it was based on.
      const r = this.state.revision === null
        ? await api.post<SaveResult>('/api/flows', doc)
        : await api.put<SaveResult>(`/api/flows/${seg(this.flowId)}`, doc, { 'If-Match': `"${this.state.revision}"` });
      this.state = { ...this.state, revision: r.data.revision };
      if (this.state.doc === doc) this.stack.markSaved();
      else this.set({ dirty: true });
      this.setIssues(r.data.validation.issues);
      this.notify({ kind: 'info', text: r.data.status === 'unchanged' ? 'Nothing to save: the draft is up to date.' : `Saved (revision ${r.data.revision}).` });
      return true;
    } catch (e) {
      this.notify(noticeOf(e, 'The draft was not saved'));
      return false;
    } finally {
      this.set({ busy: null });
    }
  }

  async publish(comment: string): Promise<PublishResult | null> {
    const rule = this.publishRule();
    if (!rule.ok) {
      this.notify({ kind: 'error', text: `Cannot publish: ${rule.reason}.` });
      return null;
    }
    this.set({ busy: 'Publishing…' });
    try {
      const headers: Record<string, string> = {};
      if (this.state.revision !== null) headers['If-Match'] = `"${this.state.revision}"`;
      const r = await api.post<PublishResult>(`/api/flows/${seg(this.flowId)}/publish`, { comment }, headers);
      this.setIssues(r.data.validation.issues);
      this.set({ publishes: this.state.publishes + 1 });
      void this.loadVersions();
      this.notify({ kind: 'info', text: `Published version ${r.data.version.version}.` });
      return r.data;
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && Array.isArray(e.body.issues)) this.setIssues(e.body.issues as ValidationIssue[]);
      this.notify(noticeOf(e, 'Not published'));
      return null;
    } finally {
      this.set({ busy: null });
    }
  }

  /** Loads what the server has now (after a rollback, or to drop local changes). */
  async reload(): Promise<void> {
    const r = await api.get<FlowDocument>(`/api/flows/${seg(this.flowId)}`);
    this.state = { ...this.state, revision: etagOf(r.headers), selection: [], publishes: this.state.publishes + 1 };
    this.stack.reset(r.data);
    this.requestFit();
    void this.validate();
    void this.loadVersions();
  }

  /** Lists the published versions again (the simulator, history and statistics panels all show them). */
  async loadVersions(): Promise<void> {
    if (this.state.revision === null) {
      this.set({ versions: [], versionsError: null });
      return;
    }
    try {
      const r = await api.get<VersionSummary[]>(`/api/flows/${seg(this.flowId)}/versions`);
      this.set({ versions: Array.isArray(r.data) ? r.data : [], versionsError: null });
    } catch (e) {
      this.set({ versionsError: noticeOf(e, 'The published versions could not be listed') });
    }
  }

  /** Replaces the open flow's content with an imported document (undoable; saved with the next save). */
  replace(doc: FlowDocument): boolean {
    return this.execute('flow.replace', { doc });
  }

  // ---- internals

  private fromStack(): void {
    const dirty = this.state.revision === null || this.stack.isDirty();
    this.set({ doc: this.stack.doc, dirty, canUndo: this.stack.canUndo(), canRedo: this.stack.canRedo() });
    this.scheduleValidation();
  }

  private scheduleValidation(): void {
    clearTimeout(this.validateTimer);
    this.validateTimer = setTimeout(() => void this.validate(), 400);
  }

  private setIssues(issues: readonly ValidationIssue[]): void {
    const errors = issues.filter(isError).length;
    this.set({ issues, errors, warnings: issues.length - errors });
  }

  private set(patch: Partial<EditorState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  dispose(): void {
    clearTimeout(this.validateTimer);
    this.listeners.clear();
  }
}

export function etagOf(headers: Headers): number | null {
  const tag = headers.get('ETag');
  if (!tag) return null;
  const n = Number(tag.replace(/^W\//, '').replace(/"/g, ''));
  return Number.isFinite(n) ? n : null;
}

function issuesOfError(e: unknown): ValidationIssue[] {
  if (e instanceof ApiError) {
    if (e.errors.length) return e.errors.map((f) => ({ code: 'DOCUMENT_INVALID', severity: 'error', message: f.message, pointer: f.pointer }));
    return [{ code: `HTTP_${e.status}`, severity: 'error', message: e.message }];
  }
  return [{ code: 'UNREACHABLE', severity: 'error', message: `The server could not validate the flow: ${(e as Error).message}` }];
}

export function noticeOf(e: unknown, what: string): Notice {
  if (e instanceof ApiError) {
    if (e.status === 409) return { kind: 'error', text: `${what}: someone changed this flow since you opened it. Reload to see their version.` };
    if (e.status === 403) return { kind: 'error', text: `${what}: your role does not allow it.` };
    return { kind: 'error', text: `${what}: ${e.message}`, details: e.errors.map((f) => `${f.pointer || '/'}: ${f.message}`) };
  }
  return { kind: 'error', text: `${what}: ${(e as Error).message}` };
}

/** The editor's state, or a slice of it, for a component. */
export function useEditor<T>(editor: Editor, select: (s: EditorState) => T): T {
  return useSyncExternalStore(editor.subscribe, () => select(editor.getState()));
}
