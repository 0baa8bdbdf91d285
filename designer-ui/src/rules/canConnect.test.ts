import { describe, expect, test } from 'vitest';
import { canConnect, canDelete, canEdit, canPublish, freshId } from './canConnect';
import type { FlowDocument } from '../model/flow';

const doc = {
  schema: 'ivr-flow/1', id: 'f', name: 'F', defaultLanguage: 'en-US', start: 'menu',
  nodes: [
    { id: 'menu', type: 'menu', settings: {} },
    { id: 'calc', type: 'set', settings: {} },
    { id: 'bye', type: 'hangup', settings: {} },
  ],
} as FlowDocument;

describe('rules', () => {
  test('shouldAllowWiringAnExistingExitToAnotherNode', () => {
    expect(canConnect(doc, 'menu', 'timeout', 'bye', ['timeout', 'invalid'])).toEqual({ ok: true });
  });

  test('shouldRefuseAnExitTheNodeDoesNotHave', () => {
    expect(canConnect(doc, 'menu', 'next', 'bye', ['timeout'])).toEqual({ ok: false, reason: 'menu has no exit "next"' });
  });

  test('shouldRefuseUnknownNodes', () => {
    expect(canConnect(doc, 'nope', 'next', 'bye', ['next']).ok).toBe(false);
    expect(canConnect(doc, 'calc', 'next', 'nope', ['next']).ok).toBe(false);
  });

  test('shouldAllowAMenuToRetryItselfButNotASetNodeToLoopOnItself', () => {
    expect(canConnect(doc, 'menu', 'invalid', 'menu', ['invalid']).ok).toBe(true);
    expect(canConnect(doc, 'calc', 'next', 'calc', ['next'])).toEqual({ ok: false, reason: 'calc would loop to itself without waiting for the caller' });
  });

  test('shouldRefuseEveryWireWhenReadOnly', () => {
    expect(canConnect(doc, 'menu', 'timeout', 'bye', ['timeout'], true).ok).toBe(false);
  });

  test('shouldKeepAtLeastOneNode', () => {
    expect(canDelete(doc, ['menu', 'calc']).ok).toBe(true);
    expect(canDelete(doc, ['menu', 'calc', 'bye']).ok).toBe(false);
    expect(canDelete(doc, []).ok).toBe(false);
  });

  test('shouldLetOnlyEditorsAndAboveEdit', () => {
    expect(['VIEWER', 'EDITOR', 'PUBLISHER', 'ADMIN'].map(canEdit)).toEqual([false, true, true, true]);
  });

  test('shouldBlockPublishingOnErrorsUnsavedChangesOrMissingRights', () => {
    expect(canPublish('EDITOR', 0, false).ok).toBe(false);
    expect(canPublish('PUBLISHER', 2, false)).toEqual({ ok: false, reason: 'fix the 2 errors first' });
    expect(canPublish('PUBLISHER', 0, true).ok).toBe(false);
    expect(canPublish('ADMIN', 0, false).ok).toBe(true);
  });

  test('shouldMakeFreshIdsThatMatchTheNodeIdPattern', () => {
    expect(freshId(doc, 'menu')).toBe('menu_2');
    expect(freshId(doc, 'say')).toBe('say');
    expect(freshId(doc, '1st node!')).toBe('_1st_node_');
    expect(freshId(doc, 'menu', new Set(['menu_2']))).toBe('menu_3');
    expect(freshId(doc, 'say')).toMatch(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/);
  });
});
