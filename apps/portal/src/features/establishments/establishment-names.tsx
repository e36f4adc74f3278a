import { establishmentLabel } from './establishment-picker';
import type { TEstablishment } from './establishment-dialog';

type TNamed = Pick<TEstablishment, 'name' | 'prefecture' | 'city' | 'town'>;

/** 「事業所名（東京都中央区銀座1-2-3）」 for each id; an id the list does not know stays as it is. */
export function establishmentNames(ids: readonly string[], byId: ReadonlyMap<string, TNamed>): string[] {
  return ids.map((id) => {
    const establishment = byId.get(id);
    return establishment ? establishmentLabel(establishment) : id;
  });
}

/**
 * A worker's registered establishments, one a line — as マイページ's worker list and the worker
 * screen after joining (SPEC D2, D3) both show them.
 */
export function EstablishmentNameList({ ids, byId }: { ids: readonly string[]; byId: ReadonlyMap<string, TNamed> }) {
  return (
    <ul className="k-plain-list">
      {establishmentNames(ids, byId).map((name) => (
        <li key={name}>{name}</li>
      ))}
    </ul>
  );
}
