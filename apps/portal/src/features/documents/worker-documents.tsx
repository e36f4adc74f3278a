import { formErrorsFromApiError, translateMessage } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc';
import { Loading } from '../session/require-signed-in';
import { DocumentUploads } from './document-uploads';
import type { UploadTarget } from './upload-document';

/**
 * Whose documents: a registered worker's (`workerId`), or those of a worker being added after
 * joining (SPEC D2), held by its `worker_add` change item in the draft (`changeItemId`). Exactly one.
 */
export type WorkerDocumentsOwner = { workerId: string; changeItemId?: never } | { changeItemId: string; workerId?: never };

export type WorkerDocumentsProps = WorkerDocumentsOwner & {
  workerName: string;
  isEditable: boolean;
  /** The section heading's id (the page renders the heading: the manual's ◆ label). */
  headingId: string;
};

/** SPEC B4c (and D2) for one worker: the council's worker documents and any number of other named documents. */
export function WorkerDocuments({ workerName, isEditable, headingId, ...owner }: WorkerDocumentsProps) {
  const { t, i18n } = useTranslation();
  const utils = trpc.useUtils();
  const input = owner.changeItemId !== undefined ? { changeItemId: owner.changeItemId } : { workerId: owner.workerId };
  const target: UploadTarget =
    owner.changeItemId !== undefined
      ? { scope: 'worker-addition', changeItemId: owner.changeItemId }
      : { scope: 'worker', workerId: owner.workerId };
  const slots = trpc.document.slots.useQuery(input, { refetchOnMount: 'always' });

  if (slots.isPending) return <Loading />;
  if (slots.isError)
    return <p role="alert">{translateMessage(t, i18n, formErrorsFromApiError(slots.error).summary ?? { key: 'common.internal' })}</p>;
  return (
    <DocumentUploads
      target={target}
      idPrefix=""
      slots={slots.data.required}
      others={slots.data.others}
      isEditable={isEditable}
      headingId={headingId}
      deleteBody={({ name, fileName }) => t('documents.deleteBody', { name, fileName, worker: workerName })}
      onChanged={async () => {
        await Promise.all([
          utils.document.slots.invalidate(input),
          // A registered worker's files count for the application; a worker being added's for the
          // draft change request (whether its documents are complete, SPEC D2).
          ...(owner.changeItemId !== undefined
            ? [utils.changeRequest.invalidate()]
            : [utils.worker.list.invalidate(), utils.application.checklist.invalidate()]),
          utils.mypage.get.invalidate(),
        ]);
      }}
    />
  );
}
