import { ModalDialog } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';

export interface RemoveDraftItemDialogProps {
  id: string;
  isOpen: boolean;
  title: string;
  /** What leaves the draft, by name. */
  body: string | null;
  /** The removal is being sent (the confirm button says so and does not send twice). */
  isRemoving: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * The question before an item leaves the change draft (SPEC D2-D4: 「この追加を取り消す」 of a worker
 * addition, 「この変更を取り消す」 of an establishment's change): an alert dialog, 「取り消さない」 first,
 * 「取り消す」 in red. Every screen that takes something out of the draft asks the same way.
 */
export function RemoveDraftItemDialog({ id, isOpen, title, body, isRemoving, onCancel, onConfirm }: RemoveDraftItemDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      id={id}
      role="alertdialog"
      isOpen={isOpen}
      title={title}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="k-button k-button--secondary" onClick={onCancel}>
            {t('memberChanges.removeCancel')}
          </button>
          <button type="button" className="k-button k-button--danger" onClick={onConfirm} aria-disabled={isRemoving || undefined}>
            {t('memberChanges.removeConfirm')}
          </button>
        </>
      }
    >
      <p>{body}</p>
    </ModalDialog>
  );
}
