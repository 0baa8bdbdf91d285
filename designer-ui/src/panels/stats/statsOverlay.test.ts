import { describe, expect, test } from 'vitest';
import { countOf, formatDwell, isEmpty, statsOverlay, statsRows } from './statsOverlay';
import type { FlowStats, NodeStats } from './statsTypes';

const node = (patch: Partial<NodeStats>): NodeStats => ({
  nodeType: 'menu', entries: 0, exits: {}, edges: {}, timeouts: 0, invalid: 0, hangups: 0, ended: 0, failures: 0, fallbacks: 0,
  dwell: { visits: 0, medianMs: null, p90Ms: null, meanMs: null, exact: true }, ...patch,
});

/** 40 calls: all hear the welcome, 30 reach the menu; its unwired timeout falls back to failure. */
const stats: FlowStats = {
  flowId: 'main-line', version: 3, from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z', calls: 40, started: 40, events: 400,
  nodes: {
    welcome: node({ nodeType: 'say', entries: 40, exits: { next: 40 }, edges: { next: 40 }, hangups: 10, ended: 10, dwell: { visits: 40, medianMs: 3200, p90Ms: 4100, meanMs: 3300, exact: true } }),
    menu: node({ entries: 30, exits: { '1': 20, timeout: 6, '2': 4 }, edges: { '1': 20, failure: 6, '2': 4 }, timeouts: 9, invalid: 2 }),
    bye: node({ nodeType: 'hangup', entries: 30, ended: 30, dwell: null }),
  },
};

describe('statsOverlay', () => {
  test('shouldGiveEachNodeItsFiguresAndTheBusiestNodesEntriesAsTheMax', () => {
    // Given a day of statistics
    // When they become the heatmap
    const o = statsOverlay(stats, 'v3 · last 24 hours');
    // Then every reached node has its figures, and the max is the welcome's 40 entries
    expect(o.kind).toBe('stats');
    expect(o.label).toBe('v3 · last 24 hours');
    expect(o.max).toBe(40);
    expect(o.nodes.welcome).toEqual({ entries: 40, exits: { next: 40 }, hangups: 10, timeouts: 0, invalid: 0, medianDwellMs: 3200 });
    expect(o.nodes.bye?.medianDwellMs).toBeNull();
  });

  test('shouldCountExitsOnTheArrowsTheCallsFollowed', () => {
    // Given a menu whose unwired timeout fell back to its failure exit
    // Then the heatmap counts them on the failure arrow
    expect(statsOverlay(stats, '').nodes.menu?.exits).toEqual({ '1': 20, failure: 6, '2': 4 });
  });

  test('shouldUseTheChosenExitsWhenTheServerSendsNoEdges', () => {
    const old: FlowStats = { ...stats, nodes: { menu: { ...node({ entries: 2, exits: { '1': 2 } }), edges: undefined } } };
    expect(statsOverlay(old, '').nodes.menu?.exits).toEqual({ '1': 2 });
  });

  test('shouldGiveAnEmptyHeatmapWithAZeroMaxWhenNoCallCame', () => {
    const none: FlowStats = { ...stats, calls: 0, started: 0, events: 0, nodes: {} };
    expect(statsOverlay(none, 'x')).toEqual({ kind: 'stats', label: 'x', nodes: {}, max: 0 });
    expect(isEmpty(none)).toBe(true);
    expect(isEmpty(stats)).toBe(false);
  });
});

describe('statsRows', () => {
  test('shouldListTheBusiestNodesFirstWithTheirLabelsInTheDraft', () => {
    const rows = statsRows(stats, (id) => (id === 'menu' ? 'Main menu' : undefined));
    expect(rows.map((r) => [r.id, r.entries, r.label])).toEqual([['welcome', 40, null], ['bye', 30, null], ['menu', 30, 'Main menu']]);
    expect(rows[2]?.share).toBe(0.75);
  });

  test('shouldListANodesExitsBusiestFirstAsTheNodeChoseThem', () => {
    const menu = statsRows(stats, () => null).find((r) => r.id === 'menu');
    expect(menu?.exits).toEqual([['1', 20], ['timeout', 6], ['2', 4]]);
    expect(menu).toMatchObject({ timeouts: 9, invalid: 2, hangups: 0, medianMs: null, visits: 0 });
  });
});

describe('formatting', () => {
  test('shouldWriteDwellTimesInTheirUnit', () => {
    expect(formatDwell(null)).toBe('—');
    expect(formatDwell(850)).toBe('850 ms');
    expect(formatDwell(12_400)).toBe('12.4 s');
    expect(formatDwell(185_000)).toBe('3 min 5 s');
    expect(formatDwell(120_000)).toBe('2 min');
  });

  test('shouldWriteCountsWithTheirShareOfEntries', () => {
    expect(countOf(0, 30)).toBe('');
    expect(countOf(9, 30)).toBe('9 (30%)');
    expect(countOf(3, 0)).toBe('3');
  });
});
