import {
  formatBytes,
  formatDateTime,
  type Message,
  ModalDialog,
  ProgressBar,
  TextField,
  formErrorsFromApiError,
  translateMessage,
} from '@kyogikai/ui';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PortalOutputs, trpc } from '../../lib/trpc';
import { clientCheck, documentDownloadUrl, type UploadOutcome, type UploadTarget, uploadDocument } from './upload-document';
import { StateText } from '../../lib/state-text';

type TSlots = PortalOutputs['document']['slots'];
/** One document the council asks for, with its current file (the same shape for every scope). */
export type TRequiredSlot = TSlots['required'][number];
export type TOtherDocument = TSlots['others'][number];

/** Where a file is on its way up. */
interface UploadInProgress {
  fileName: string;
  percent: number;
  controller: AbortController;
}

const NEW_OTHER = 'other:new';
const OTHER_NAME_MAX = 100;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface DocumentUploadsProps {
  target: UploadTarget;
  /** Keeps element ids unique when several owners' slots share one page ('' for a single owner). */
  idPrefix: string;
  slots: readonly TRequiredSlot[];
  /** A worker's user-named documents; absent where there are none (establishments, the organisation). */
  others?: readonly TOtherDocument[];
  isEditable: boolean;
  /** The section heading's id (the page renders the heading: the manual's ◆ label). */
  headingId: string;
  /** The sentence of the delete dialog: whose file is going. */
  deleteBody: (file: { name: string; fileName: string }) => string;
  /** Re-reads whatever shows these files (slots, checklist, マイページ) after a change. */
  onChanged: () => Promise<void>;
  /** Whether to open with how uploading works (false where the page says it once for several owners). */
  hasLead?: boolean;
}

/** The element id of a slot (a checklist link's hash points at it). */
export function slotElementId(idPrefix: string, slotId: string): string {
  return `document-${`${idPrefix}${slotId}`.replace(/[^a-zA-Z0-9-]/g, '-')}`;
}

/**
 * SPEC B4c: one slot per document the council asks for (of a worker, an establishment or the
 * organisation), plus, for a worker, any number of other documents with a name the user types.
 * Each file goes up on its own request with a progress bar; start, finish and failure are said in
 * a polite live region as well as on the slot.
 */
export function DocumentUploads({
  target,
  idPrefix,
  slots,
  others,
  isEditable,
  headingId,
  deleteBody,
  onChanged,
  hasLead = true,
}: DocumentUploadsProps) {
  const { t, i18n } = useTranslation();
  const utils = trpc.useUtils();
  const deleteDocument = trpc.document.delete.useMutation();
  const [uploads, setUploads] = useState<Record<string, UploadInProgress>>({});
  const [errors, setErrors] = useState<Record<string, Message>>({});
  const [announcement, setAnnouncement] = useState('');
  const [pendingDelete, setPendingDelete] = useState<{ id: string; slotId: string; documentLabel: string; fileName: string } | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  const [isAddingOther, setIsAddingOther] = useState(false);
  const [otherName, setOtherName] = useState('');
  const addOtherButtonRef = useRef<HTMLButtonElement>(null);
  const otherNameRef = useRef<HTMLInputElement>(null);
  const focusAddOtherRef = useRef(false);
  const uploadsRef = useRef(uploads);
  uploadsRef.current = uploads;

  // Leaving the page stops what is still being sent (the server keeps nothing of a cut-off file).
  useEffect(
    () => () => {
      for (const upload of Object.values(uploadsRef.current)) upload.controller.abort();
    },
    [],
  );

  useEffect(() => {
    if (isAddingOther) otherNameRef.current?.focus();
    else if (focusAddOtherRef.current) {
      focusAddOtherRef.current = false;
      addOtherButtonRef.current?.focus();
    }
  }, [isAddingOther]);

  const say = (message: Message) => setAnnouncement(translateMessage(t, i18n, message));
  const slotName = (slot: Pick<TRequiredSlot, 'nameJa' | 'nameEn'>) => (i18n.language === 'en' ? slot.nameEn : slot.nameJa);

  function setError(slotId: string, message: Message | null) {
    setErrors((current) => {
      const next = { ...current };
      if (message) next[slotId] = message;
      else delete next[slotId];
      return next;
    });
  }

  const id = (name: string) => `${idPrefix}${name}`;

  async function send(options: {
    slotId: string;
    documentKey: string;
    documentLabel: string;
    file: File;
    maxBytes: number;
    documentName?: string;
  }): Promise<boolean> {
    const { slotId, documentKey, documentLabel, file, maxBytes, documentName } = options;
    const problem = clientCheck(file, maxBytes);
    if (problem) {
      setError(slotId, problem);
      say({ key: 'documents.failedAnnouncement', params: { name: documentLabel, reason: translateMessage(t, i18n, problem) } });
      return false;
    }
    setError(slotId, null);
    const controller = new AbortController();
    setUploads((current) => ({ ...current, [slotId]: { fileName: file.name, percent: 0, controller } }));
    say({ key: 'documents.startedAnnouncement', params: { name: documentLabel, fileName: file.name } });
    const outcome: UploadOutcome = await uploadDocument({
      target,
      documentKey,
      file,
      ...(documentName !== undefined ? { documentName } : {}),
      signal: controller.signal,
      onProgress: (percent) =>
        setUploads((current) => {
          const upload = current[slotId];
          return upload ? { ...current, [slotId]: { ...upload, percent } } : current;
        }),
    });
    setUploads((current) => {
      const next = { ...current };
      delete next[slotId];
      return next;
    });
    if (outcome.ok) {
      say({ key: 'documents.doneAnnouncement', params: { name: documentLabel, fileName: outcome.document.fileName } });
      await onChanged();
      return true;
    }
    if ('aborted' in outcome) {
      say({ key: 'documents.abortedAnnouncement', params: { name: documentLabel } });
      return false;
    }
    setError(slotId, outcome.message);
    say({ key: 'documents.failedAnnouncement', params: { name: documentLabel, reason: translateMessage(t, i18n, outcome.message) } });
    // Locked meanwhile (submitted in another tab): show the page as it now is.
    if (outcome.message.key === 'application.lockedUnderReview') void utils.mypage.get.invalidate();
    return false;
  }

  async function confirmDelete() {
    if (!pendingDelete) return;
    setIsDeleting(true);
    try {
      await deleteDocument.mutateAsync({ id: pendingDelete.id });
      say({ key: 'documents.deletedAnnouncement', params: { name: pendingDelete.documentLabel, fileName: pendingDelete.fileName } });
      setError(pendingDelete.slotId, null);
      setPendingDelete(null);
      await onChanged();
    } catch (error) {
      const summary = formErrorsFromApiError(error).summary ?? { key: 'common.internal' };
      setError(pendingDelete.slotId, summary);
      say(summary);
      setPendingDelete(null);
    } finally {
      setIsDeleting(false);
    }
  }

  const otherMaxBytes = Math.max(DEFAULT_MAX_BYTES, ...slots.map((slot) => slot.maxBytes));
  const requiredCount = slots.filter((slot) => slot.required).length;
  const doneCount = slots.filter((slot) => slot.required && slot.document).length;

  return (
    <>
      {isEditable && hasLead ? <p>{t('documents.lead')}</p> : null}
      <p>
        <strong>{t('documents.progress', { done: doneCount, total: requiredCount })}</strong>
      </p>
      <ul className="k-doc-slots" aria-labelledby={headingId}>
        {slots.map((slot) => (
          <DocumentSlot
            key={slot.key}
            slotId={slot.key}
            domPrefix={idPrefix}
            name={slotName(slot)}
            isRequired={slot.required}
            note={slot.noteJa}
            stored={slot.document}
            upload={uploads[slot.key]}
            error={errors[slot.key]}
            isEditable={isEditable}
            onFile={(file) =>
              void send({ slotId: slot.key, documentKey: slot.key, documentLabel: slotName(slot), file, maxBytes: slot.maxBytes })
            }
            onDelete={(stored) =>
              setPendingDelete({ id: stored.id, slotId: slot.key, documentLabel: slotName(slot), fileName: stored.fileName })
            }
          />
        ))}
      </ul>

      {others === undefined ? null : (
        <>
          <h3 id={id('other-documents-heading')} className="k-subheading">
            {t('documents.othersHeading')}
          </h3>
          {isEditable ? <p>{t('documents.othersLead')}</p> : null}
          {others.length > 0 ? (
            <ul className="k-doc-slots" aria-labelledby={id('other-documents-heading')}>
              {others.map((other: TOtherDocument) => (
                <DocumentSlot
                  key={other.id}
                  slotId={`other:${other.id}`}
                  domPrefix={idPrefix}
                  name={other.customName ?? t('documents.otherUnnamed')}
                  stored={other}
                  upload={undefined}
                  error={errors[`other:${other.id}`]}
                  isEditable={isEditable}
                  onDelete={(stored) =>
                    setPendingDelete({
                      id: stored.id,
                      slotId: `other:${other.id}`,
                      documentLabel: other.customName ?? t('documents.otherUnnamed'),
                      fileName: stored.fileName,
                    })
                  }
                />
              ))}
            </ul>
          ) : (
            <p className="k-muted">{t('documents.noOthers')}</p>
          )}
          {isEditable ? (
            isAddingOther || uploads[NEW_OTHER] ? (
              <div className="k-doc-slot k-doc-slot--new">
                <TextField
                  id={id('other-document-name')}
                  label={t('labels.documentName')}
                  hint={t('documents.otherNameHint')}
                  value={otherName}
                  onValueChange={(value) => {
                    setOtherName(value);
                    if (errors[NEW_OTHER]?.key === 'validation.required') setError(NEW_OTHER, null);
                  }}
                  inputRef={otherNameRef}
                  maxLength={OTHER_NAME_MAX}
                  isRequired
                  readOnly={Boolean(uploads[NEW_OTHER])}
                  error={errors[NEW_OTHER]?.key === 'validation.required' ? translateMessage(t, i18n, errors[NEW_OTHER]) : undefined}
                />
                <FilePicker
                  id={id('file-other-new')}
                  buttonLabel={t('documents.chooseFile')}
                  accessibleLabel={t('documents.chooseFileFor', { name: otherName.trim() || t('documents.othersHeading') })}
                  upload={uploads[NEW_OTHER]}
                  uploadLabel={t('documents.uploadProgressLabel', { name: otherName.trim() })}
                  error={errors[NEW_OTHER] && errors[NEW_OTHER].key !== 'validation.required' ? errors[NEW_OTHER] : undefined}
                  errorId={id('other-new-error')}
                  onFile={(file) => {
                    const name = otherName.trim();
                    if (!name) {
                      setError(NEW_OTHER, { key: 'validation.required' });
                      say({ key: 'documents.otherNameMissing' });
                      otherNameRef.current?.focus();
                      return;
                    }
                    void send({
                      slotId: NEW_OTHER,
                      documentKey: 'other',
                      documentLabel: name,
                      file,
                      maxBytes: otherMaxBytes,
                      documentName: name,
                    }).then((ok) => {
                      if (!ok) return;
                      setOtherName('');
                      focusAddOtherRef.current = true;
                      setIsAddingOther(false);
                    });
                  }}
                />
                {uploads[NEW_OTHER] ? null : (
                  <p>
                    <button
                      type="button"
                      className="k-button k-button--secondary k-button--small"
                      onClick={() => {
                        setOtherName('');
                        setError(NEW_OTHER, null);
                        focusAddOtherRef.current = true;
                        setIsAddingOther(false);
                      }}
                    >
                      {t('documents.cancelOther')}
                    </button>
                  </p>
                )}
              </div>
            ) : (
              <p>
                <button
                  ref={addOtherButtonRef}
                  type="button"
                  className="k-button k-button--secondary"
                  onClick={() => setIsAddingOther(true)}
                >
                  {t('documents.addOther')}
                </button>
              </p>
            )
          ) : null}
        </>
      )}

      <p className="k-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <ModalDialog
        id={id('delete-document')}
        role="alertdialog"
        isOpen={pendingDelete !== null}
        title={t('documents.deleteTitle')}
        onCancel={() => setPendingDelete(null)}
        actions={
          <>
            <button type="button" className="k-button k-button--secondary" onClick={() => setPendingDelete(null)}>
              {t('documents.deleteCancel')}
            </button>
            <button
              type="button"
              className="k-button k-button--danger"
              onClick={() => void confirmDelete()}
              aria-disabled={isDeleting || undefined}
            >
              {t('documents.deleteConfirm')}
            </button>
          </>
        }
      >
        <p>{pendingDelete ? deleteBody({ name: pendingDelete.documentLabel, fileName: pendingDelete.fileName }) : null}</p>
      </ModalDialog>
    </>
  );
}

interface StoredDocument {
  id: string;
  fileName: string;
  byteSize: number;
  uploadedAt: Date;
}

interface DocumentSlotProps {
  slotId: string;
  /** Prefix of the slot's element ids (see DocumentUploadsProps.idPrefix). */
  domPrefix: string;
  name: string;
  isRequired?: boolean;
  note?: string | null;
  stored: StoredDocument | null;
  upload: UploadInProgress | undefined;
  error: Message | undefined;
  isEditable: boolean;
  /** Absent for other documents: they are replaced by deleting and adding. */
  onFile?: (file: File) => void;
  onDelete: (stored: StoredDocument) => void;
}

function DocumentSlot({
  slotId,
  domPrefix,
  name,
  isRequired,
  note,
  stored,
  upload,
  error,
  isEditable,
  onFile,
  onDelete,
}: DocumentSlotProps) {
  const { t, i18n } = useTranslation();
  const [isDragOver, setIsDragOver] = useState(false);
  const elementId = slotElementId(domPrefix, slotId);
  const nameId = `${elementId}-name`;
  const errorId = `${elementId}-error`;
  const canDrop = isEditable && onFile !== undefined && !upload;

  const dropHandlers = canDrop
    ? {
        onDragOver: (event: DragEvent<HTMLLIElement>) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setIsDragOver(true);
        },
        onDragLeave: () => setIsDragOver(false),
        onDrop: (event: DragEvent<HTMLLIElement>) => {
          event.preventDefault();
          setIsDragOver(false);
          const file = event.dataTransfer.files[0];
          if (file) onFile?.(file);
        },
      }
    : {};

  return (
    <li id={elementId} className={isDragOver ? 'k-doc-slot k-doc-slot--drop' : 'k-doc-slot'} {...dropHandlers}>
      <p className="k-doc-slot__name" id={nameId}>
        {name}
        {isRequired === true ? <span className="k-badge">{t('form.required')}</span> : null}
        {isRequired === false ? <span className="k-badge k-badge--optional">{t('form.optional')}</span> : null}
      </p>
      {note ? (
        <p className="k-hint" lang="ja">
          {note}
        </p>
      ) : null}
      <p className="k-doc-slot__state">
        {stored ? (
          <>
            <StateText tone="done">{t('documents.uploaded')}</StateText>{' '}
            <a href={documentDownloadUrl(stored.id)} download={stored.fileName}>
              {stored.fileName}
              <span className="k-visually-hidden">{t('documents.downloadSuffix')}</span>
            </a>{' '}
            <span className="k-muted">
              {t('documents.fileDetails', {
                size: formatBytes(stored.byteSize, i18n.language),
                date: formatDateTime(stored.uploadedAt, i18n.language),
              })}
            </span>
          </>
        ) : (
          <StateText tone="todo">{t('documents.notUploaded')}</StateText>
        )}
      </p>
      {isEditable ? (
        <div className="k-doc-slot__actions">
          {onFile ? (
            <FilePicker
              id={`file-${elementId.slice('document-'.length)}`}
              buttonLabel={stored ? t('documents.replace') : t('documents.chooseFile')}
              accessibleLabel={stored ? t('documents.replaceFor', { name }) : t('documents.chooseFileFor', { name })}
              upload={upload}
              uploadLabel={t('documents.uploadProgressLabel', { name })}
              error={error}
              errorId={errorId}
              onFile={onFile}
            />
          ) : error ? (
            <p className="k-field-error" id={errorId}>
              {translateMessage(t, i18n, error)}
            </p>
          ) : null}
          {stored && !upload ? (
            <button
              type="button"
              className="k-button k-button--secondary k-button--small"
              aria-label={t('documents.deleteFor', { name })}
              onClick={() => onDelete(stored)}
            >
              {t('documents.delete')}
            </button>
          ) : null}
          {onFile && !upload ? <span className="k-file-picker__hint">{t('documents.dropHint')}</span> : null}
        </div>
      ) : null}
    </li>
  );
}

interface FilePickerProps {
  id: string;
  buttonLabel: string;
  /** Includes the visible words (WCAG 2.5.3) and names the document. */
  accessibleLabel: string;
  upload: UploadInProgress | undefined;
  uploadLabel: string;
  error: Message | undefined;
  errorId: string;
  onFile: (file: File) => void;
}

/**
 * A real <input type=file> (keyboard: Tab to it, Enter or Space opens the picker), drawn as a
 * button through its label; while a file is sent, the progress bar and a 中止 button instead.
 */
function FilePicker({ id, buttonLabel, accessibleLabel, upload, uploadLabel, error, errorId, onFile }: FilePickerProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="k-file-picker">
      {error ? (
        <p className="k-field-error" id={errorId}>
          {translateMessage(t, i18n, error)}
        </p>
      ) : null}
      {upload ? (
        <div className="k-file-picker__progress">
          <p className="k-file-picker__file">{t('documents.uploading', { fileName: upload.fileName })}</p>
          <ProgressBar value={upload.percent} label={uploadLabel} />
          <button type="button" className="k-button k-button--secondary k-button--small" onClick={() => upload.controller.abort()}>
            {t('documents.abort')}
          </button>
        </div>
      ) : (
        <>
          <input
            type="file"
            id={id}
            className="k-file-picker__input"
            accept="application/pdf,.pdf"
            aria-label={accessibleLabel}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared so choosing the same file again (after fixing it) fires a change.
              event.target.value = '';
              if (file) onFile(file);
            }}
          />
          <label htmlFor={id} className="k-button k-button--secondary k-button--small k-file-picker__button">
            {buttonLabel}
          </label>
        </>
      )}
    </div>
  );
}
