import { useEffect, useRef, useState, type MouseEvent } from 'react';

/**
 * One editor open at a time in a list that is shown anew after each change (the unit tree, the
 * plan): the button that opened it takes the focus back on cancel; after a saved change, what
 * `focus` names takes it once the new list is shown (a moved unit or group has changed place).
 * `shown` is the list's data: the focus moves when it changes. `container` goes on the list.
 */
export function useListEditor<Editor, Container extends HTMLElement>(shown: unknown, same: (a: Editor, b: Editor) => boolean) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const container = useRef<Container>(null);
  const opener = useRef<HTMLElement | null>(null);
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    const selector = pendingFocus.current;
    const target = selector ? container.current?.querySelector<HTMLElement>(selector) : null;
    if (target) {
      pendingFocus.current = null;
      target.focus();
    }
  }, [shown]);

  /** Opens `next` from the button clicked, or closes it when it is the one open. */
  function open(next: Editor, event: MouseEvent<HTMLElement>) {
    opener.current = event.currentTarget;
    setEditor((current) => (current !== null && same(current, next) ? null : next));
  }

  /** Closes the editor without a change: the focus back on its button. */
  function close() {
    setEditor(null);
    if (opener.current?.isConnected) opener.current.focus();
  }

  /** Closes the editor after a saved change; `focus` (a selector in the list to come) takes the focus. */
  function saved(focus: string | null) {
    setEditor(null);
    pendingFocus.current = focus;
  }

  return { editor, container, open, close, saved };
}
