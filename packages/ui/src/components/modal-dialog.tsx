import { type ReactNode, type RefObject, useEffect, useRef } from 'react';

export interface ModalDialogProps {
  isOpen: boolean;
  /** Element id prefix; the title and body are tied to the dialog with it. */
  id: string;
  title: string;
  children: ReactNode;
  /** The buttons (the caller decides their order and which is primary). */
  actions: ReactNode;
  /** Escape: the dialog's "do nothing" choice. */
  onCancel: () => void;
  /** What gets focus on opening (default: the first button). */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** `alertdialog` when it interrupts the user with something they must answer. */
  role?: 'dialog' | 'alertdialog';
  /**
   * Whether the body describes the dialog (read out on opening). Turn it off when the body is a
   * form: the fields are read as the user reaches them.
   */
  isBodyDescription?: boolean;
}

/**
 * A native modal <dialog>: the page behind it is inert, focus moves into it on opening and back
 * where it was on closing, Tab stays inside, Escape cancels.
 */
export function ModalDialog({
  isOpen,
  id,
  title,
  children,
  actions,
  onCancel,
  initialFocusRef,
  role = 'dialog',
  isBodyDescription = true,
}: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const onCancelRef = useRef(onCancel);
  onCancelRef.current = onCancel;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      returnFocusRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      const target = initialFocusRef?.current ?? dialog.querySelector<HTMLElement>('button');
      target?.focus();
    } else if (!isOpen && dialog.open) {
      dialog.close();
      returnFocusRef.current?.focus();
      returnFocusRef.current = null;
    }
  }, [isOpen, initialFocusRef]);

  // Unmounted while open (e.g. the page changed): leave no modal state behind.
  useEffect(() => {
    const dialog = dialogRef.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      id={id}
      className="k-dialog"
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={isBodyDescription ? `${id}-body` : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onCancelRef.current();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Tab') return;
        const focusable = Array.from(
          dialogRef.current?.querySelectorAll<HTMLElement>(
            'button:not([disabled]), [href], input, select, textarea, [tabindex]:not([tabindex="-1"])',
          ) ?? [],
        );
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (!first || !last) return;
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }}
    >
      {isOpen ? (
        <>
          <h2 id={`${id}-title`}>{title}</h2>
          <div id={`${id}-body`}>{children}</div>
          <div className="k-button-row">{actions}</div>
        </>
      ) : null}
    </dialog>
  );
}
