import { describe, expect, test } from 'vitest';
import { createCommandStack } from './index';
import type { FlowDocument, FlowNode } from '../model/flow';

/** A small flow: a menu whose options 1 and 2 lead to two says, which hang up. */
function flow(): FlowDocument {
  return {
    schema: 'ivr-flow/1',
    id: 'main',
    name: 'Main',
    defaultLanguage: 'en-US',
    start: 'menu',
    nodes: [
      {
        id: 'menu',
        type: 'menu',
        settings: { prompt: { 'en-US': { tts: 'Press 1 or 2' } }, options: [{ exit: 'sales', digits: '1' }, { exit: 'support', digits: '2' }] },
        exits: { sales: 'sales', support: 'support' },
      },
      { id: 'sales', type: 'say', settings: { text: { 'en-US': 'Sales' } }, exits: { next: 'bye' } },
      { id: 'support', type: 'say', settings: { text: { 'en-US': 'Support' } }, exits: { next: 'bye' } },
      { id: 'bye', type: 'hangup', settings: {} },
    ],
    layout: { menu: { x: 0, y: 0 }, sales: { x: -100, y: 150 }, support: { x: 100, y: 150 }, bye: { x: 0, y: 300 } },
  } as FlowDocument;
}

/** The menu's exits are its options' exits plus timeout and invalid; a say has next; a hangup none. */
function exitsOf(node: FlowNode): string[] {
  if (node.type === 'menu') {
    const options = ((node.settings as { options?: { exit: string }[] }).options ?? []).map((o) => o.exit);
    return [...options, 'timeout', 'invalid'];
  }
  return node.type === 'hangup' ? [] : ['next'];
}

function stackOf(doc = flow()) {
  return createCommandStack(doc, exitsOf);
}

/** Executes, checks the result, undoes back to the original, redoes to the same result. */
function roundTrip(command: string, ctx: unknown, check: (after: FlowDocument) => void) {
  const original = flow();
  const stack = stackOf(structuredClone(original));
  expect(stack.execute(command, ctx)).toBe(true);
  const after = stack.doc;
  check(after);
  expect(stack.isDirty()).toBe(true);
  stack.undo();
  expect(stack.doc).toEqual(original);
  expect(stack.isDirty()).toBe(false);
  stack.redo();
  expect(stack.doc).toEqual(after);
}

describe('command stack', () => {
  test('shouldAddANodeWithItsPositionAndUndoIt', () => {
    // given a new say node, when it is added, then it is in the flow and on the canvas; undo takes both away
    roundTrip('nodes.add', { nodes: [{ id: 'say2', type: 'say', settings: { text: { 'en-US': 'Hi' } } }], positions: { say2: { x: 10.4, y: 20.6 } } }, (d) => {
      expect(d.nodes.map((n) => n.id)).toContain('say2');
      expect(d.layout?.say2).toEqual({ x: 10, y: 21 });
    });
  });

  test('shouldRefuseToAddANodeWhoseIdExists', () => {
    const stack = stackOf();
    expect(stack.execute('nodes.add', { nodes: [{ id: 'bye', type: 'hangup', settings: {} }], positions: {} })).toBe(false);
    expect(stack.canUndo()).toBe(false);
  });

  test('shouldRemoveANodeUnwiringItsIncomingExitsAndRestoreAllOnUndo', () => {
    roundTrip('nodes.remove', { ids: ['sales'] }, (d) => {
      expect(d.nodes.map((n) => n.id)).toEqual(['menu', 'support', 'bye']);
      expect(d.nodes[0]?.exits).toEqual({ support: 'support' });
      expect(d.layout?.sales).toBeUndefined();
    });
  });

  test('shouldRemoveSeveralNodesAtOnceInOneUndoStep', () => {
    roundTrip('nodes.remove', { ids: ['sales', 'support'] }, (d) => {
      expect(d.nodes.map((n) => n.id)).toEqual(['menu', 'bye']);
      expect(d.nodes[0]?.exits).toBeUndefined();
    });
  });

  test('shouldNeverRemoveTheLastNode', () => {
    const stack = stackOf();
    expect(stack.canExecute('nodes.remove', { ids: ['menu', 'sales', 'support', 'bye'] })).toBe('a flow keeps at least one node');
  });

  test('shouldMoveNodesAndUndoTheMove', () => {
    roundTrip('nodes.move', { to: { bye: { x: 50, y: 400 }, menu: { x: 5, y: 5 } } }, (d) => {
      expect(d.layout?.bye).toEqual({ x: 50, y: 400 });
      expect(d.nodes).toEqual(flow().nodes);
    });
  });

  test('shouldWireAnExitAndUndoIt', () => {
    roundTrip('exit.connect', { source: 'menu', exit: 'timeout', target: 'bye' }, (d) => {
      expect(d.nodes[0]?.exits).toEqual({ sales: 'sales', support: 'support', timeout: 'bye' });
    });
  });

  test('shouldRewireAnExitAndUndoBackToTheOldTarget', () => {
    roundTrip('exit.connect', { source: 'menu', exit: 'sales', target: 'support' }, (d) => {
      expect(d.nodes[0]?.exits?.sales).toBe('support');
    });
  });

  test('shouldUnwireAnExitAndUndoIt', () => {
    roundTrip('exit.connect', { source: 'sales', exit: 'next', target: null }, (d) => {
      expect(d.nodes[1]?.exits).toBeUndefined();
    });
  });

  test('shouldRefuseToWireToANodeThatDoesNotExist', () => {
    expect(stackOf().canExecute('exit.connect', { source: 'menu', exit: 'timeout', target: 'nowhere' })).toBe('no node nowhere');
  });

  test('shouldUpdateSettingsAndUndoThem', () => {
    roundTrip('node.settings', { id: 'sales', settings: { text: { 'en-US': 'Sales, hello' } } }, (d) => {
      expect(d.nodes[1]?.settings).toEqual({ text: { 'en-US': 'Sales, hello' } });
    });
  });

  test('shouldSetAndClearALabelAndUndoIt', () => {
    roundTrip('node.label', { id: 'bye', label: 'Goodbye' }, (d) => expect(d.nodes[3]?.label).toBe('Goodbye'));
    const stack = stackOf();
    stack.execute('node.label', { id: 'bye', label: 'Goodbye' });
    stack.execute('node.label', { id: 'bye', label: '' });
    expect('label' in (stack.doc.nodes[3] as object)).toBe(false);
  });

  test('shouldUpdateFlowPropertiesAndUndoThem', () => {
    roundTrip('flow.update', { patch: { name: 'Renamed', start: 'sales', description: 'Why' } }, (d) => {
      expect(d.name).toBe('Renamed');
      expect(d.start).toBe('sales');
      expect(d.description).toBe('Why');
    });
  });

  test('shouldReplaceTheWholeFlowAndUndoIt', () => {
    const imported = { ...flow(), name: 'Imported', nodes: [{ id: 'only', type: 'hangup', settings: {} }] } as FlowDocument;
    roundTrip('flow.replace', { doc: imported }, (d) => expect(d).toEqual(imported));
    expect(stackOf().canExecute('flow.replace', { doc: { ...imported, id: 'other' } })).toContain('not main');
  });

  test('shouldKeepTheWireWhenAMenuOptionsExitIsRenamedAndUndoBothInOneStep', () => {
    // given option "sales" wired to node sales, when the option's exit is renamed to "buy"
    roundTrip('node.settings', {
      id: 'menu',
      settings: { prompt: { 'en-US': { tts: 'Press 1 or 2' } }, options: [{ exit: 'buy', digits: '1' }, { exit: 'support', digits: '2' }] },
    }, (d) => {
      // then the wire follows the new name
      expect(d.nodes[0]?.exits).toEqual({ buy: 'sales', support: 'support' });
    });
  });

  test('shouldDropTheWireOfADeletedMenuOptionAndBringItBackOnUndo', () => {
    roundTrip('node.settings', {
      id: 'menu',
      settings: { prompt: { 'en-US': { tts: 'Press 2' } }, options: [{ exit: 'support', digits: '2' }] },
    }, (d) => expect(d.nodes[0]?.exits).toEqual({ support: 'support' }));
  });

  test('shouldMergeTypingIntoOneFieldIntoOneUndoStep', () => {
    const stack = stackOf();
    for (const text of ['S', 'Sa', 'Sal']) stack.execute('node.settings', { id: 'sales', settings: { text: { 'en-US': text } } }, { mergeKey: 'sales/text' });
    stack.execute('node.label', { id: 'sales', label: 'Sales' });
    stack.undo();
    expect(stack.doc.nodes[1]?.settings).toEqual({ text: { 'en-US': 'Sal' } });
    stack.undo();
    expect(stack.doc).toEqual(flow());
    expect(stack.canUndo()).toBe(false);
  });

  test('shouldNotMergeAcrossASave', () => {
    const stack = stackOf();
    stack.execute('node.settings', { id: 'sales', settings: { text: { 'en-US': 'A' } } }, { mergeKey: 'k' });
    stack.markSaved();
    stack.execute('node.settings', { id: 'sales', settings: { text: { 'en-US': 'AB' } } }, { mergeKey: 'k' });
    expect(stack.isDirty()).toBe(true);
    stack.undo();
    expect(stack.isDirty()).toBe(false);
    expect(stack.doc.nodes[1]?.settings).toEqual({ text: { 'en-US': 'A' } });
  });

  test('shouldClearRedoAfterANewEdit', () => {
    const stack = stackOf();
    stack.execute('node.label', { id: 'bye', label: 'A' });
    stack.undo();
    expect(stack.canRedo()).toBe(true);
    stack.execute('node.label', { id: 'bye', label: 'B' });
    expect(stack.canRedo()).toBe(false);
  });

  test('shouldTellListenersOfEveryChange', () => {
    const stack = stackOf();
    let calls = 0;
    const off = stack.subscribe(() => calls++);
    stack.execute('node.label', { id: 'bye', label: 'A' });
    stack.undo();
    stack.redo();
    off();
    stack.undo();
    expect(calls).toBe(3);
  });

  test('shouldNeverMutateTheDocumentItWasGiven', () => {
    const original = flow();
    const frozen = structuredClone(original);
    deepFreeze(frozen);
    const stack = stackOf(frozen);
    stack.execute('nodes.remove', { ids: ['sales'] });
    stack.execute('nodes.move', { to: { bye: { x: 1, y: 1 } } });
    stack.execute('node.settings', { id: 'menu', settings: {} });
    expect(frozen).toEqual(original);
  });
});

function deepFreeze(o: unknown): void {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
}
