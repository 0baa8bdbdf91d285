import { describe, expect, it } from 'vitest';
import { appendUnique, childPointer, isBlank, moveItem, omitKeys, orUndefined, removeAt, renameKey, repeats, replaceAt, setKey, splitList, uniqueName } from './edit';

describe('immutable edits', () => {
  it('shouldSetAKeyInPlaceWithoutMutating', () => {
    // given settings
    const before = Object.freeze({ prompt: 'p', maxTries: 3, bargeIn: true });
    // when a key is changed
    const after = setKey(before, 'maxTries', 5);
    // then a new object holds it at the same place
    expect(Object.keys(after)).toEqual(['prompt', 'maxTries', 'bargeIn']);
    expect(after.maxTries).toBe(5);
    expect(before.maxTries).toBe(3);
  });

  it('shouldOmitAKeySetToUndefined', () => {
    // given settings with an optional key
    const before = Object.freeze({ queue: 'sales', exitDigit: '0' });
    // when the user clears it
    const after = setKey(before, 'exitDigit', undefined);
    // then the key is gone, not kept empty
    expect(after).toEqual({ queue: 'sales' });
    expect('exitDigit' in after).toBe(false);
  });

  it('shouldTreatEmptyValuesAsBlank', () => {
    expect([undefined, null, '', [], {}].every(isBlank)).toBe(true);
    expect([0, false, ' ', ['a'], { a: 1 }].some(isBlank)).toBe(false);
    expect(orUndefined([])).toBeUndefined();
    expect(orUndefined(0)).toBe(0);
  });

  it('shouldEditListsWithoutMutating', () => {
    // given a frozen list
    const list = Object.freeze(['a', 'b', 'c']);
    // then each edit gives a new list
    expect(replaceAt(list, 1, 'x')).toEqual(['a', 'x', 'c']);
    expect(removeAt(list, 0)).toEqual(['b', 'c']);
    expect(moveItem(list, 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(list, 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(list, 0, 5)).toEqual(['a', 'b', 'c']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('shouldRenameAKeyWhereItStands', () => {
    expect(Object.keys(renameKey({ a: 1, b: 2, c: 3 }, 'b', 'x'))).toEqual(['a', 'x', 'c']);
    expect(renameKey({ a: 1, b: 2 }, 'a', 'b')).toEqual({ a: 1, b: 2 });
    expect(omitKeys({ a: 1, b: 2 }, ['a'])).toEqual({ b: 2 });
  });

  it('shouldEscapeJsonPointerSegments', () => {
    expect(childPointer('/headers', 'a/b~c')).toBe('/headers/a~1b~0c');
    expect(childPointer('', 0)).toBe('/0');
  });

  it('shouldFindRepeatsAndFreeNames', () => {
    expect([...repeats(['1', '2', '1', undefined, '2'])]).toEqual([
      [2, 0],
      [4, 1],
    ]);
    expect(uniqueName('case', ['case', 'case2'])).toBe('case3');
    expect(uniqueName('case', [])).toBe('case');
    expect(uniqueName('option1', ['option1'])).toBe('option1_2');
  });

  it('shouldSplitCommaListsAndAppendOnlyNewItems', () => {
    expect(splitList(' sales, new order ,, pricing ')).toEqual(['sales', 'new order', 'pricing']);
    expect(appendUnique(['sales'], ['pricing', 'sales'])).toEqual(['sales', 'pricing']);
  });
});
