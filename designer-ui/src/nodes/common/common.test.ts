import { describe, expect, it } from 'vitest';
import { beforeError, exit, fixedExits, settle } from './exits';
import { promptLine } from './prompt';
import { clip, duration, pack } from './text';

describe('card text', () => {
  it('shouldCutALongLineWithAnEllipsisAndSqueezeBlanks', () => {
    expect(clip('short')).toBe('short');
    expect(clip('a\n  b')).toBe('a b');
    expect(clip('x'.repeat(50))).toBe('x'.repeat(39) + '…');
    expect(clip('abcdef', 4)).toBe('abc…');
  });

  it('shouldPackItemsIntoLinesAndCountWhatDoesNotFit', () => {
    // given items that fill more lines than allowed
    const items = Array.from({ length: 12 }, (_, i) => `item${i + 1}`);
    // then the last line ends with how many are left
    expect(pack(items, 2)).toEqual(['item1 · item2 · item3 · item4 · item5', 'item6 · item7 · item8 · item9 · item10 · +2']);
    expect(pack(['a', 'b'], 1)).toEqual(['a · b']);
    expect(pack([], 2)).toEqual([]);
  });

  it('shouldTellDurationsTheWayPeopleSayThem', () => {
    expect(duration(45)).toBe('45 s');
    expect(duration(1.5)).toBe('1.5 s');
    expect(duration(90)).toBe('1 min 30 s');
    expect(duration(300)).toBe('5 min');
    expect(duration(3600)).toBe('1 h');
    expect(duration(5400)).toBe('1 h 30 min');
  });

  it('shouldShowAPromptBySourceKind', () => {
    expect(promptLine({ 'en-US': { tts: 'Welcome' } })).toBe('Welcome');
    expect(promptLine({ 'en-US': { file: 'ivr/welcome.wav' } })).toBe('♪ ivr/welcome.wav');
    expect(promptLine({ '*': { tone: '%(250,0,800)' } })).toBe('tone %(250,0,800)');
    expect(promptLine({ 'en-US': { ref: 'welcome' } })).toBe('prompt welcome');
    expect(promptLine({ 'en-US': {} })).toBeUndefined();
    expect(promptLine('x')).toBeUndefined();
  });
});

describe('exit lists', () => {
  it('shouldKeepTheCataloguesFallbacks', () => {
    // given catalogue exits, one with an otherwise
    const fixed = fixedExits([
      { name: 'next', required: true, description: '' },
      { name: 'noInput', required: false, otherwise: 'next', description: '' },
    ]);
    // then the exit infos carry required and otherwise, and no description
    expect(fixed).toEqual([{ name: 'next', required: true }, { name: 'noInput', required: false, otherwise: 'next' }]);
  });

  it('shouldMergeANameUsedTwiceIntoOneRequiredHandleWhereItFirstComes', () => {
    // given an optional exit that settings also name as a required one, and a blank name
    const exits = settle([exit('a', true), exit('timeout', false, 'failure'), exit(' ', true), exit('timeout', true, undefined, 'label')]);
    // then one handle for timeout, required, without its fallback, labelled
    expect(exits).toEqual([{ name: 'a', required: true }, { name: 'timeout', required: true, label: 'label' }]);
  });

  it('shouldPutAddedExitsBeforeError', () => {
    expect(beforeError([exit('a', true), exit('error', false)], [exit('b', true)]).map((e) => e.name)).toEqual(['a', 'b', 'error']);
    expect(beforeError([exit('a', true)], [exit('b', true)]).map((e) => e.name)).toEqual(['a', 'b']);
  });
});
