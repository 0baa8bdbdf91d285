/**
 * Inserting a token at the caret of a text input or area, then putting the caret after it. An input never focused
 * gets the token at its end.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';
import { insertToken } from '../template';

type TextControl = HTMLInputElement | HTMLTextAreaElement;

export function useCaretInsert(text: string, onText: (next: string) => void) {
  const element = useRef<TextControl | null>(null);
  const touched = useRef(false);
  const caret = useRef<number | null>(null);

  useLayoutEffect(() => {
    const el = element.current;
    const at = caret.current;
    if (el && at !== null) {
      caret.current = null;
      el.focus();
      el.setSelectionRange(at, at);
    }
  });

  const ref = useCallback((el: TextControl | null) => {
    element.current = el;
  }, []);
  const onFocus = useCallback(() => {
    touched.current = true;
  }, []);
  const insert = (token: string): void => {
    const el = element.current;
    const start = el && touched.current ? (el.selectionStart ?? text.length) : text.length;
    const end = el && touched.current ? (el.selectionEnd ?? start) : start;
    const next = insertToken(text, start, end, token);
    caret.current = next.caret;
    onText(next.text);
  };
  return { ref, onFocus, insert };
}
