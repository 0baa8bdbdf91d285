import { describe, expect, test } from 'vitest';
import { describeChange, describeExitChange, diffHeadline, diffLabel, diffOverlay, formatJson, nodeName, pathOf, refLabel } from './diffOverlay';
import type { DiffAnswer, FlowDiffResult } from './historyTypes';

const diff = (patch: Partial<FlowDiffResult> = {}): FlowDiffResult => ({
  identical: false, logicChanged: true, layoutChanged: false, flow: [],
  nodes: { added: [], removed: [], changed: [], reordered: false }, layout: [], ...patch,
});

/** v2 → draft: a node added, one removed, the menu rewired (one exit to a new node, one unwired) and retuned. */
const answer: DiffAnswer = {
  flowId: 'main-line', from: '2', to: 'draft',
  diff: diff({
    flow: [{ op: 'replace', pointer: '/start', old: 'welcome', new: 'greeting' }],
    nodes: {
      added: [{ id: 'greeting', type: 'say', pointer: '/nodes/0' }],
      removed: [{ id: 'old-promo', type: 'play', label: 'Promo', pointer: '/nodes/4' }],
      changed: [{
        id: 'menu', type: 'menu', fromPointer: '/nodes/1', pointer: '/nodes/2', fields: [],
        exits: [{ exit: 'timeout', old: 'menu', new: 'operator' }, { exit: 'invalid', old: 'menu' }],
        settings: [{ op: 'replace', pointer: '/settings/maxTries', old: 3, new: 5 }],
      }],
      reordered: false,
    },
  }),
};

describe('diffOverlay', () => {
  test('shouldMarkAddedAndChangedNodesAndTheExitsWiredToNewTargets', () => {
    // Given a diff of v2 against the draft
    // When it becomes the overlay
    const o = diffOverlay(answer);
    // Then the canvas gets the ids, and only the exits that still have a wire are highlighted
    expect(o).toEqual({
      kind: 'diff', label: 'v2 → draft', added: ['greeting'], removed: ['old-promo'], changed: ['menu'],
      rewired: [{ source: 'menu', exit: 'timeout' }],
    });
  });

  test('shouldGiveEmptyListsForIdenticalVersions', () => {
    const o = diffOverlay({ flowId: 'f', from: '3', to: '3', diff: diff({ identical: true, logicChanged: false }) });
    expect(o).toEqual({ kind: 'diff', label: 'v3 → v3', added: [], removed: [], changed: [], rewired: [] });
  });

  test('shouldNameTheSidesOfADiff', () => {
    expect(refLabel('12')).toBe('v12');
    expect(refLabel('draft')).toBe('draft');
    expect(refLabel('latest')).toBe('latest');
    expect(diffLabel({ from: 'latest', to: 'draft' })).toBe('latest → draft');
  });
});

describe('diffHeadline', () => {
  test('shouldCountNodesFlowSettingsAndMoves', () => {
    const d = { ...answer.diff, layout: [{ id: 'menu', from: { x: 0, y: 0 }, to: { x: 10, y: 0 } }] };
    expect(diffHeadline(d)).toBe('Nodes: 1 added, 1 removed, 1 changed; 1 flow setting changed; 1 node moved on the canvas.');
  });

  test('shouldSayWhenNothingDiffers', () => {
    expect(diffHeadline(diff({ identical: true, logicChanged: false }))).toBe('No differences.');
  });

  test('shouldSayWhenOnlyTheLayoutOrTheOrderChanged', () => {
    const moved = diff({ logicChanged: false, layoutChanged: true, layout: [{ id: 'a' }, { id: 'b' }] });
    expect(diffHeadline(moved)).toBe('Nothing a caller notices changed: 2 nodes moved on the canvas.');
    const reordered = diff({ logicChanged: false, nodes: { added: [], removed: [], changed: [], reordered: true } });
    expect(diffHeadline(reordered)).toBe('Nothing a caller notices changed: the node list was reordered.');
  });

  test('shouldSayNodeForASingleChange', () => {
    const one = diff({ nodes: { added: [], removed: [], changed: [{ id: 'm', fields: [], exits: [], settings: [] }], reordered: false } });
    expect(diffHeadline(one)).toBe('Node: 1 changed.');
  });
});

describe('describing changes', () => {
  test('shouldWriteSettingsChangesRelativeToTheSettings', () => {
    expect(describeChange({ op: 'replace', pointer: '/settings/maxTries', old: 3, new: 5 }, '/settings')).toBe('maxTries: 3 → 5');
    expect(describeChange({ op: 'add', pointer: '/settings/options/2', new: { digits: '3', label: 'Sales' } }, '/settings'))
      .toBe('options/2: added {"digits":"3","label":"Sales"}');
    expect(describeChange({ op: 'remove', pointer: '/settings/greeting', old: 'Hi' }, '/settings')).toBe('greeting: removed (was "Hi")');
    expect(describeChange({ op: 'add', pointer: '/settings', new: {} }, '/settings')).toBe('settings: added {}');
  });

  test('shouldWriteFlowLevelChangesWithTheirPointer', () => {
    expect(describeChange({ op: 'replace', pointer: '/start', old: 'welcome', new: 'greeting' })).toBe('start: "welcome" → "greeting"');
    expect(describeChange({ op: 'add', pointer: '/variables/account~1id', new: { type: 'string' } })).toBe('variables/account/id: added {"type":"string"}');
  });

  test('shouldWriteRewiredExitsWithTheSideThatHadNoWire', () => {
    expect(describeExitChange({ exit: 'timeout', old: 'menu', new: 'operator' })).toBe('timeout: menu → operator');
    expect(describeExitChange({ exit: 'invalid', old: 'menu' })).toBe('invalid: menu → not wired');
    expect(describeExitChange({ exit: '1', new: 'sales' })).toBe('1: not wired → sales');
  });

  test('shouldCutLongValues', () => {
    const long = formatJson('x'.repeat(200), 20);
    expect(long).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
    expect(formatJson(undefined)).toBe('(none)');
    expect(formatJson(null)).toBe('null');
  });

  test('shouldReadPointersAsPaths', () => {
    expect(pathOf('/nodes/3/settings/options/1/digits', '/nodes/3/settings')).toBe('options/1/digits');
    expect(pathOf('', '')).toBe('(the whole document)');
  });

  test('shouldNameNodesByLabelIdAndType', () => {
    expect(nodeName({ id: 'menu', label: 'Main menu', type: 'menu' })).toBe('Main menu (menu) · menu');
    expect(nodeName({ id: 'bye' })).toBe('bye');
  });
});
