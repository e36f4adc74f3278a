import { formErrorsFromApiError, translateMessage } from '@kyogikai/ui';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc';
import { Loading } from '../session/require-signed-in';
import { DocumentUploads } from './document-uploads';

export interface WorkerDocumentsProps {
  workerId: string;
  workerName: string;
  isEditable: boolean;
  /** The section heading's id (the page renders the heading: the manual's ◆ label). */
  headingId: string;
}

/** SPEC B4c for one worker: the council's worker documents and any number of other named documents. */
export function WorkerDocuments({ workerId, workerName, isEditable, headingId }: WorkerDocumentsProps) {
  const { t, i18n } = useTranslation();
  const utils = trpc.useUtils();
  const slots = trpc.document.slots.useQuery({ workerId }, { refetchOnMount: 'always' });

  if (slots.isPending) return <Loading />;
  if (slots.isError)
    return <p role="alert">{translateMessage(t, i18n, formErrorsFromApiError(slots.error).summary ?? { key: 'common.internal' })}</p>;
  return (
    <DocumentUploads
      target={{ scope: 'worker', workerId }}
      idPrefix=""
      slots={slots.data.required}
      others={slots.data.others}
      isEditable={isEditable}
      headingId={headingId}
      deleteBody={({ name, fileName }) => t('documents.deleteBody', { name, fileName, worker: workerName })}
      onChanged={async () => {
        await Promise.all([
          utils.document.slots.invalidate({ workerId }),
          utils.worker.list.invalidate(),
          utils.application.checklist.invalidate(),
          utils.mypage.get.invalidate(),
        ]);
      }}
    />
  );
}
