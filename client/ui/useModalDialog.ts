import { useLayoutEffect, useRef, type SyntheticEvent } from 'react';

/**
 * A native modal `<dialog>`, open while the component is mounted: focus stays inside, showModal
 * focuses its first control, Escape cancels (unless `busy`), and focus returns to the element that
 * opened it. Spread `dialogProps` on the `<dialog>`; close with `closeThen`.
 */
export function useModalDialog(busy: boolean, onCancel: () => void) {
  const ref = useRef<HTMLDialogElement>(null);

  // Layout effect: on unmount the dialog closes while still in the document, so the browser can
  // hand focus back to the element that opened it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  /** Closes first: until then the rest of the page is inert and cannot take the caller's focus. */
  function closeThen(callback: () => void) {
    ref.current?.close();
    callback();
  }

  const dialogProps = {
    ref,
    onCancel(event: SyntheticEvent<HTMLDialogElement>) {
      // Escape: close through React state, never behind its back.
      event.preventDefault();
      if (!busy) closeThen(onCancel);
    },
  };

  return { dialogProps, closeThen };
}
