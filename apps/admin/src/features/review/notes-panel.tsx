import { apiErrorKey, formatDateTime, Notice } from '@kyogikai/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc';
import type { TReview } from './review-types';

/** 内部メモ: notes among staff, never shown to the applicant (issue 6 item 2). */
export function NotesPanel({ review }: { review: TReview }) {
  const { t, i18n } = useTranslation();
  const utils = trpc.useUtils();
  const addNote = trpc.review.addNote.useMutation();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (body.trim() === '') {
      setProblem(t('validation.required'));
      return;
    }
    setProblem(null);
    try {
      await addNote.mutateAsync({ applicationId: review.application.id, body });
      setBody('');
      await utils.review.get.invalidate({ applicationId: review.application.id });
    } catch (error) {
      setProblem(t(apiErrorKey(error) ?? 'common.network'));
    }
  }

  return (
    <section className="k-card" aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="k-card__title">
        {t('reviewPage.notesHeading')}
      </h2>
      {review.notes.length === 0 ? (
        <p>{t('reviewPage.notesNone')}</p>
      ) : (
        <ol className="k-plain-list">
          {review.notes.map((note) => (
            <li key={note.id} className="k-section-gap">
              <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}>{note.body}</p>
              <p className="k-hint">
                {t('reviewPage.noteBy', { name: note.authorName, at: formatDateTime(note.createdAt, i18n.language) })}
              </p>
            </li>
          ))}
        </ol>
      )}
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="k-section-gap">
        <div className={problem ? 'k-field k-field--error' : 'k-field'}>
          <label className="k-label" htmlFor="note-body">
            {t('reviewPage.noteBody')}
          </label>
          <span id="note-body-hint" className="k-hint">
            {t('reviewPage.noteHint')}
          </span>
          {problem ? (
            <span id="note-body-error" className="k-field-error">
              {problem}
            </span>
          ) : null}
          <textarea
            id="note-body"
            className="k-input"
            style={{ width: '100%', minHeight: '4rem' }}
            value={body}
            maxLength={4000}
            onChange={(event) => setBody(event.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'note-body-hint note-body-error' : 'note-body-hint'}
          />
        </div>
        <button type="submit" className="k-button k-button--secondary" aria-disabled={addNote.isPending || undefined}>
          {t('reviewPage.noteSubmit')}
        </button>
      </form>
      {addNote.isError && !problem ? <Notice>{t('common.network')}</Notice> : null}
    </section>
  );
}
