/** The designer's keyboard shortcuts: one table drives both the key handling and the help overlay. */
export interface Shortcut {
  keys: string;
  action: ShortcutAction;
  what: string;
}

export type ShortcutAction = 'undo' | 'redo' | 'copy' | 'paste' | 'duplicate' | 'selectAll' | 'save' | 'layout' | 'fit' | 'help' | 'escape';

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl+Z', action: 'undo', what: 'Undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', action: 'redo', what: 'Redo' },
  { keys: 'Ctrl+C', action: 'copy', what: 'Copy the selected nodes' },
  { keys: 'Ctrl+V', action: 'paste', what: 'Paste' },
  { keys: 'Ctrl+D', action: 'duplicate', what: 'Duplicate the selected nodes' },
  { keys: 'Ctrl+A', action: 'selectAll', what: 'Select every node' },
  { keys: 'Ctrl+S', action: 'save', what: 'Save the draft' },
  { keys: 'Shift+L', action: 'layout', what: 'Auto-layout' },
  { keys: 'Shift+F', action: 'fit', what: 'Fit the flow in view' },
  { keys: '?', action: 'help', what: 'Show this help' },
  { keys: 'Esc', action: 'escape', what: 'Close a dialog, clear the selection' },
];

/** Also on the canvas: Delete/Backspace deletes, Shift+drag selects an area, Ctrl+click adds to the selection. */
export const CANVAS_GESTURES: readonly { keys: string; what: string }[] = [
  { keys: 'Delete / Backspace', what: 'Delete the selected nodes or wires' },
  { keys: 'Shift+drag', what: 'Select an area' },
  { keys: 'Ctrl+click', what: 'Add a node to the selection' },
  { keys: 'Drag from an exit', what: 'Wire that exit to another node' },
  { keys: 'Scroll / drag the background', what: 'Zoom / pan' },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Which action a key press means, if any. Pure, for tests. */
export function actionOf(e: KeyLike): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const k = e.key.toLowerCase();
  if (e.altKey) return null;
  if (mod) {
    if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (k === 'y') return 'redo';
    if (k === 'c') return 'copy';
    if (k === 'v') return 'paste';
    if (k === 'd') return 'duplicate';
    if (k === 'a') return 'selectAll';
    if (k === 's') return 'save';
    return null;
  }
  if (e.key === '?') return 'help';
  if (e.key === 'Escape') return 'escape';
  if (e.shiftKey && k === 'l') return 'layout';
  if (e.shiftKey && k === 'f') return 'fit';
  return null;
}

/** Key presses in a text field belong to the field, not to the canvas. */
export function inTextField(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable;
}
