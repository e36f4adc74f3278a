import { SelectField } from '@kyogikai/ui';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { trpc } from '../../lib/trpc';
import './delegation.css';

/**
 * 「操作する法人」 in the signed-in frame (SPEC G7): for someone acting for several employers (a
 * registered support organisation, or staff of several corporations). Hidden with one
 * organisation. Switching changes the session's acting organisation on the server, then forgets
 * every cached answer of the previous one and returns to マイページ.
 */
export function OrganisationSwitcher() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mine = trpc.organisation.listMine.useQuery(undefined, { retry: false, staleTime: 60_000 });
  const switchOrganisation = trpc.organisation.switch.useMutation();
  const acting = mine.data?.find((o) => o.isActing)?.organisationId ?? '';
  const [chosen, setChosen] = useState<string | null>(null);

  if (!mine.data || mine.data.length < 2) return null;
  const value = chosen ?? acting;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!value || value === acting || switchOrganisation.isPending) return;
    await switchOrganisation.mutateAsync({ organisationId: value });
    setChosen(null);
    queryClient.removeQueries({
      predicate: (query) => !['["tenant","get"]', '["session","me"]'].includes(JSON.stringify(query.queryKey[0])),
    });
    void navigate('/', { replace: true });
  }

  return (
    <form className="k-organisation-switcher" noValidate onSubmit={(event) => void onSubmit(event)}>
      <SelectField
        id="acting-organisation"
        label={t('delegation.switcherLabel')}
        value={value}
        onValueChange={setChosen}
        placeholder={acting ? undefined : t('form.choose')}
        options={mine.data.map((o) => ({ value: o.organisationId, label: o.organisationName ?? t('delegation.noName') }))}
        afterInput={
          <button
            type="submit"
            className="k-button k-button--secondary k-button--small"
            aria-disabled={switchOrganisation.isPending || undefined}
          >
            {t('delegation.switcherButton')}
          </button>
        }
      />
    </form>
  );
}
