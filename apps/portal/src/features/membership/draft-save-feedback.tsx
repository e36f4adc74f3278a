import { ErrorSummary, type FormFieldInfo, formErrorsFromApiError, useFormErrors } from '@kyogikai/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withoutPathPrefix } from '../../lib/client-checks';
import { isDraftChanged, useRefreshChanges } from './registered-data';
import './member-info.css';

/** What a page shows after a save into the draft: M-D1, with what the save reached. */
export interface TDraftSavedMessage {
  detail?: string;
}

/** What a save into the draft says (SPEC D1 M-D1, exact), with what the save reached, and 「マイページへ戻る」. */
export function DraftSavedMessage({ detail }: { detail?: string }) {
  const { t } = useTranslation();
  return (
    <div className="k-notice k-notice--success" role="status">
      {detail ? <p>{detail}</p> : null}
      <p className="k-member-info-message">{t('memberInfo.savedMessage')}</p>
      <p>
        <Link className="k-button k-button--secondary" to="/">
          {t('memberInfo.backToMyPage')}
        </Link>
      </p>
    </div>
  );
}

/**
 * After CONFLICT changeRequest.draftChanged: the screen re-reads the draft and starts again from it
 * (what was typed here was not saved; the user chose to drop it, so no unsaved-changes prompt).
 */
export function ReloadButton({ onReload }: { onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [isBusy, setIsBusy] = useState(false);
  return (
    <p>
      <button
        type="button"
        className="k-button k-button--secondary"
        aria-disabled={isBusy || undefined}
        onClick={() => {
          if (isBusy) return;
          setIsBusy(true);
          void onReload().finally(() => setIsBusy(false));
        }}
      >
        {t('memberChanges.reload')}
      </button>
    </p>
  );
}

/**
 * What a save into the change draft answers (SPEC D1 M-D1, D6), held the same way on every screen
 * after joining (worker, worker addition, establishments): the M-D1 message, the form's errors, and
 * whether the draft changed elsewhere (CONFLICT changeRequest.draftChanged) so the screen must be
 * re-read. `DraftSaveFeedback` shows it.
 */
export function useDraftSaveFeedback(fields: Record<string, FormFieldInfo>, initialSavedMessage: TDraftSavedMessage | null = null) {
  const refresh = useRefreshChanges();
  const form = useFormErrors(fields);
  const [savedMessage, setSavedMessage] = useState<TDraftSavedMessage | null>(initialSavedMessage);
  const [isConflict, setIsConflict] = useState(false);

  /** A refused save: its errors in the summary and at the fields (`pathPrefix`: where the API nests the fields, e.g. `values.`). */
  function showError(error: unknown, pathPrefix?: string) {
    if (isDraftChanged(error)) setIsConflict(true);
    const errors = formErrorsFromApiError(error);
    form.showErrors(pathPrefix ? withoutPathPrefix(errors, pathPrefix) : errors);
  }

  /** 「最新の内容を読み込む」: every view re-reads, and the refused save's messages go (`then`: what else the screen starts again). */
  async function reloadAfterConflict(then?: () => void) {
    await refresh();
    setIsConflict(false);
    then?.();
    setSavedMessage(null);
    form.clear();
  }

  return { form, savedMessage, setSavedMessage, isConflict, showError, reloadAfterConflict };
}

export type TDraftSaveFeedback = ReturnType<typeof useDraftSaveFeedback>;

/**
 * Where the screens after joining answer a save, in the same place on each: M-D1, the error
 * summary, and after a conflict 「最新の内容を読み込む」 (`onReload`: a screen that must start again
 * otherwise than by re-reading; by default `reloadAfterConflict`).
 */
export function DraftSaveFeedback({ feedback, onReload }: { feedback: TDraftSaveFeedback; onReload?: () => Promise<unknown> }) {
  const { form, savedMessage, isConflict } = feedback;
  return (
    <>
      {savedMessage ? <DraftSavedMessage detail={savedMessage.detail} /> : null}
      <ErrorSummary message={form.summaryMessage} items={form.summaryItems} attempt={form.attempt} />
      {isConflict ? <ReloadButton onReload={onReload ?? (() => feedback.reloadAfterConflict())} /> : null}
    </>
  );
}
