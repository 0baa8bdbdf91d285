import { describe, expect, test } from 'vitest';
import { actionOf } from './shortcuts';
import { heatColour, heatOf, issueLines, markOf } from './cardData';
import { paletteGroups } from './paletteGroups';
import type { CatalogueEntry } from '../api/types';

const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('canvas', () => {
  test('shouldMapTheListedShortcutsToTheirActions', () => {
    expect(actionOf(key('z', { ctrlKey: true }))).toBe('undo');
    expect(actionOf(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(actionOf(key('y', { metaKey: true }))).toBe('redo');
    expect(actionOf(key('d', { ctrlKey: true }))).toBe('duplicate');
    expect(actionOf(key('L', { shiftKey: true }))).toBe('layout');
    expect(actionOf(key('?', { shiftKey: true }))).toBe('help');
    expect(actionOf(key('l'))).toBeNull();
    expect(actionOf(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  test('shouldMarkTheCurrentAndVisitedNodesOfASimulatedCall', () => {
    const overlay = { kind: 'sim' as const, path: ['a', 'b'], current: 'b', exits: [] };
    expect([markOf(overlay, 'a'), markOf(overlay, 'b'), markOf(overlay, 'c')]).toEqual(['visited', 'current', 'none']);
  });

  test('shouldMarkAddedAndChangedNodesOfADiff', () => {
    const overlay = { kind: 'diff' as const, label: '', added: ['n'], removed: ['r'], changed: ['c'], rewired: [] };
    expect([markOf(overlay, 'n'), markOf(overlay, 'c'), markOf(overlay, 'x')]).toEqual(['added', 'changed', 'none']);
  });

  test('shouldScaleTheHeatByTheBusiestNode', () => {
    const overlay = { kind: 'stats' as const, label: '', max: 40, nodes: { a: { entries: 10, exits: {}, hangups: 2, timeouts: 0, invalid: 0, medianDwellMs: 1500 } } };
    expect(heatOf(overlay, 'a')).toEqual({ heat: 0.25, figure: '10 in · 2 hung up · 1.5 s' });
    expect(heatOf(overlay, 'b')).toEqual({ heat: 0, figure: '0' });
    expect(heatOf({ kind: 'none' }, 'a')).toEqual({ heat: null, figure: null });
    expect(heatColour(0)).not.toBe(heatColour(1));
  });

  test('shouldSplitIssuesBySeverity', () => {
    expect(issueLines([{ code: 'A', severity: 'error', message: 'e' }, { code: 'B', severity: 'WARNING', message: 'w' }])).toEqual({ errors: ['e'], warnings: ['w'] });
  });

  test('shouldGroupAndSearchThePalette', () => {
    const cat = [
      { type: 'say', category: 'Audio and input', description: 'Speak text', settingsSchema: '', fixedExits: [] },
      { type: 'hangup', category: 'Call', description: 'End the call', settingsSchema: '', fixedExits: [] },
      { type: 'calendar', category: 'Time', description: 'Open or closed', settingsSchema: '', fixedExits: [] },
    ] as CatalogueEntry[];
    expect(paletteGroups(cat, '').map((g) => g.group)).toEqual(['Audio and input', 'Time', 'Call']);
    expect(paletteGroups(cat, 'HANG').flatMap((g) => g.entries.map((e) => e.type))).toEqual(['hangup']);
    expect(paletteGroups(cat, 'zzz')).toEqual([]);
  });
});
