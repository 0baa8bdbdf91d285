/**
 * Every edit of the flow goes through this stack, so every edit can be undone (STYLE.md item 11). A command is a
 * name and a context object; its {@link CommandHandler} computes the next document from the current one and
 * records in the context what it needs to revert. Documents are never mutated: each step yields a new one, so
 * React sees a new reference and undo is exact.
 *
 * Interceptors run after a command and may execute follow-on commands (dropping the wiring of an exit that a
 * settings edit removed, say). Those run inside the same undo step: one Ctrl+Z undoes the edit and its follow-ons.
 *
 * Consecutive edits with the same merge key (typing into one field) join one undo step.
 */
import type { FlowDocument } from '../model/flow';

export interface CommandHandler<C> {
  /** True when the command may run now; a string says why not. */
  canExecute?(doc: FlowDocument, ctx: C): true | string;
  /** The next document. May record in ctx what revert needs. */
  execute(doc: FlowDocument, ctx: C): FlowDocument;
  /** The document before execute, from the document after it and the recorded ctx. */
  revert(doc: FlowDocument, ctx: C): FlowDocument;
}

export interface CommandInterceptor {
  /** The commands it follows. */
  readonly after: readonly string[];
  /** Runs after one of them executed; may call stack.execute for follow-on commands (same undo step). */
  postExecute(command: string, ctx: unknown, before: FlowDocument, after: FlowDocument, stack: CommandStack): void;
}

interface Action {
  command: string;
  ctx: unknown;
}

interface Entry {
  actions: Action[];
  mergeKey?: string;
}

export interface ExecuteOptions {
  /** Joins the previous undo step when it was made with the same key and nothing was undone since. */
  mergeKey?: string;
}

export class CommandRejected extends Error {}

export class CommandStack {
  private readonly handlers: ReadonlyMap<string, CommandHandler<never>>;
  private readonly interceptors: readonly CommandInterceptor[];
  private current: FlowDocument;
  private undoStack: Entry[] = [];
  private redoStack: Entry[] = [];
  /** The step being built while a command and its interceptors run. */
  private open: Entry | undefined;
  private savedEntry: Entry | undefined | null = null;
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(handlers: Record<string, CommandHandler<never>>, interceptors: readonly CommandInterceptor[], initial: FlowDocument) {
    this.handlers = new Map(Object.entries(handlers));
    this.interceptors = interceptors;
    this.current = initial;
    this.savedEntry = undefined;
  }

  get doc(): FlowDocument {
    return this.current;
  }

  /** Changes every time the document or the history changes (for useSyncExternalStore). */
  get revision(): number {
    return this.version;
  }

  canExecute<C>(command: string, ctx: C): true | string {
    const h = this.handler<C>(command);
    return h.canExecute ? h.canExecute(this.current, ctx) : true;
  }

  /** Runs a command; returns false (and changes nothing) when canExecute refuses it. */
  execute<C>(command: string, ctx: C, options: ExecuteOptions = {}): boolean {
    const h = this.handler<C>(command);
    const allowed = h.canExecute ? h.canExecute(this.current, ctx) : true;
    if (allowed !== true) {
      if (this.open) throw new CommandRejected(`${command}: ${allowed}`);
      return false;
    }
    const outermost = this.open === undefined;
    if (outermost) this.open = { actions: [], mergeKey: options.mergeKey };
    const entry = this.open as Entry;
    const before = this.current;
    try {
      this.current = h.execute(before, ctx);
      entry.actions.push({ command, ctx });
      for (const i of this.interceptors) {
        if (i.after.includes(command)) i.postExecute(command, ctx, before, this.current, this);
      }
    } catch (e) {
      if (outermost) {
        // Put back whatever this step did before failing: the document is never left half-edited.
        this.current = this.revertActions(this.current, entry.actions);
        this.open = undefined;
      }
      throw e;
    }
    if (outermost) {
      this.open = undefined;
      if (entry.actions.length > 0) this.push(entry);
      this.changed();
    }
    return true;
  }

  undo(): boolean {
    const entry = this.undoStack.pop();
    if (!entry) return false;
    this.current = this.revertActions(this.current, entry.actions);
    this.redoStack.push(entry);
    this.changed();
    return true;
  }

  redo(): boolean {
    const entry = this.redoStack.pop();
    if (!entry) return false;
    for (const a of entry.actions) this.current = this.handler<unknown>(a.command).execute(this.current, a.ctx);
    this.undoStack.push(entry);
    this.changed();
    return true;
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** A new document with no history (a flow loaded from the server). */
  reset(doc: FlowDocument): void {
    this.current = doc;
    this.undoStack = [];
    this.redoStack = [];
    this.savedEntry = undefined;
    this.changed();
  }

  /** The current state is what the server has. */
  markSaved(): void {
    this.savedEntry = this.top();
    this.changed();
  }

  /** True when the document differs from the last saved state by any step (undoing back to it makes it clean). */
  isDirty(): boolean {
    return this.savedEntry !== this.top();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private top(): Entry | undefined {
    return this.undoStack[this.undoStack.length - 1];
  }

  private push(entry: Entry): void {
    const top = this.top();
    if (entry.mergeKey !== undefined && top && top.mergeKey === entry.mergeKey && this.redoStack.length === 0 && top !== this.savedEntry) {
      top.actions.push(...entry.actions);
    } else {
      this.undoStack.push(entry);
    }
    this.redoStack = [];
  }

  private revertActions(doc: FlowDocument, actions: readonly Action[]): FlowDocument {
    let d = doc;
    for (let i = actions.length - 1; i >= 0; i--) {
      const a = actions[i] as Action;
      d = this.handler<unknown>(a.command).revert(d, a.ctx);
    }
    return d;
  }

  private handler<C>(command: string): CommandHandler<C> {
    const h = this.handlers.get(command);
    if (!h) throw new Error(`no handler for command ${command}`);
    return h as unknown as CommandHandler<C>;
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
