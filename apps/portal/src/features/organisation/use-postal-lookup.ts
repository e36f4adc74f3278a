import { normalisePostalCode } from '@kyogikai/domain';
import { useCallback, useRef, useState } from 'react';
import { trpc } from '../../lib/trpc';

export type TPostalLookupStatus = 'idle' | 'looking' | 'found' | 'not_found' | 'invalid' | 'failed';

export interface PostalAddress {
  prefecture: string;
  city: string;
  town: string;
}

/**
 * SPEC B2: a 7-digit postal code (with or without the hyphen, full- or half-width) fills in
 * 都道府県/市区町村/町域 from the postal data the API ships with. Looks each code up once (so
 * editing the filled-in address and leaving the field again does not overwrite the edits) and
 * ignores answers that arrive after the user has typed another code.
 */
export function usePostalLookup(onFound: (address: PostalAddress) => void) {
  const utils = trpc.useUtils();
  const [status, setStatus] = useState<TPostalLookupStatus>('idle');
  const lastLookedUpRef = useRef<string | null>(null);
  const latestRequestRef = useRef(0);
  const onFoundRef = useRef(onFound);
  onFoundRef.current = onFound;

  /** Call with what is in the field now (on every change, and on blur). */
  const check = useCallback(
    async (typed: string, options: { onBlur?: boolean } = {}) => {
      const digits = normalisePostalCode(typed);
      if (!digits) {
        lastLookedUpRef.current = null;
        // Only say "7 digits, please" once the user has left the field with something else in it.
        if (options.onBlur && typed.trim()) setStatus('invalid');
        else setStatus('idle');
        return;
      }
      if (digits === lastLookedUpRef.current) return;
      lastLookedUpRef.current = digits;
      const request = ++latestRequestRef.current;
      setStatus('looking');
      try {
        const result = await utils.client.postal.lookup.query({ postalCode: digits });
        if (request !== latestRequestRef.current) return;
        if (result.status === 'found') {
          onFoundRef.current({ prefecture: result.prefecture, city: result.city, town: result.town });
          setStatus('found');
        } else {
          setStatus(result.status);
        }
      } catch {
        if (request !== latestRequestRef.current) return;
        lastLookedUpRef.current = null;
        setStatus('failed');
      }
    },
    [utils],
  );

  /** After loading saved data: that code's address is already in the form. */
  const remember = useCallback((typed: string) => {
    lastLookedUpRef.current = normalisePostalCode(typed);
    setStatus('idle');
  }, []);

  return { status, check, remember };
}
