import { ModalDialog } from '@kyogikai/ui';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Blocker } from 'react-router';

export interface UnsavedChangesDialogProps {
  /** The blocker of `useUnsavedChangesGuard`: the question shows while it holds a navigation. */
  blocker: Blocker;
  title: string;
  /** What is lost — each form names its own save button (「登録する」, 「申請登録情報を変更する」 …). */
  body: string;
}

/**
 * SPEC A6/B3: the question asked when leaving a form with unsaved entries inside the app. Every form
 * with `useUnsavedChangesGuard` (STEP1, STEP2, the member worker screens) asks it the same way —
 * 「このページに留まる」 first and focused, so Enter or Escape never throws the entries away — and
 * only the words of the title and body differ, so the dialog is written once.
 */
export function UnsavedChangesDialog({ blocker, title, body }: UnsavedChangesDialogProps) {
  const { t } = useTranslation();
  const stayButtonRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      id="unsaved-changes"
      isOpen={blocker.state === 'blocked'}
      title={title}
      onCancel={() => blocker.reset?.()}
      initialFocusRef={stayButtonRef}
      actions={
        <>
          <button ref={stayButtonRef} type="button" className="k-button" onClick={() => blocker.reset?.()}>
            {t('unsaved.stay')}
          </button>
          <button type="button" className="k-button k-button--secondary" onClick={() => blocker.proceed?.()}>
            {t('unsaved.leave')}
          </button>
        </>
      }
    >
      <p>{body}</p>
    </ModalDialog>
  );
}
