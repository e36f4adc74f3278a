import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityTracker } from '../lib/activity';

/** The `session.status` answer (both apps share this shape). */
export interface SessionStatusSnapshot {
  signedIn: boolean;
  idleExpiresAt: Date | null;
  warningSeconds: number;
}

export type SessionEndReason = 'idle' | 'signed-out';

type ChannelMessage = { type: 'deadline'; idleExpiresAt: number; warningSeconds: number } | { type: 'ended'; reason: SessionEndReason };

export const STATUS_POLL_INTERVAL_MS = 30_000;
/** A user-initiated request moved the server's deadline; re-read it shortly after. */
const AFTER_USER_REQUEST_DELAY_MS = 300;
/** Once the deadline has passed, ask the server again at this pace until it confirms. */
const EXPIRED_RECHECK_MS = 5_000;

/** One channel per tenant and app: the portal and admin sessions are separate sessions. */
export function sessionChannelName(prefix: string, app: string): string {
  return `kyogikai-session:${prefix || '/'}:${app}`;
}

function openChannel(name: string): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
}

/** Tells the app's other tabs that the user signed out here, so they leave signed-in pages too. */
export function broadcastSignedOut(channelName: string): void {
  const channel = openChannel(channelName);
  channel?.postMessage({ type: 'ended', reason: 'signed-out' } satisfies ChannelMessage);
  channel?.close();
}

export interface IdleTimeoutGuardProps {
  channelName: string;
  tracker: ActivityTracker;
  /** Must be a background call (it never extends the session). */
  fetchStatus: () => Promise<SessionStatusSnapshot>;
  extend: () => Promise<{ idleExpiresAt: Date }>;
  onSignOutRequested: () => void;
  /** The server (or another tab) says the session is over. */
  onSessionEnded: (reason: SessionEndReason) => void;
  pollIntervalMs?: number;
}

/**
 * SPEC A6/G4 and WCAG 2.2.1 (Timing Adjustable): warn before the idle sign-out and let the user
 * extend with one action. The server owns the deadline; this polls `session.status` (every 30 s,
 * on focus, and right after each user-initiated request) and shares what it learns with the
 * app's other tabs over a BroadcastChannel, so every tab shows the same time left. Deadlines only
 * move forward within a session, so each tab keeps the latest one it has heard of.
 */
export function IdleTimeoutGuard({
  channelName,
  tracker,
  fetchStatus,
  extend,
  onSignOutRequested,
  onSessionEnded,
  pollIntervalMs = STATUS_POLL_INTERVAL_MS,
}: IdleTimeoutGuardProps) {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [warningMs, setWarningMs] = useState<number>(0);
  const [now, setNow] = useState(() => Date.now());
  const [isExtending, setIsExtending] = useState(false);
  const [hasExtendFailed, setHasExtendFailed] = useState(false);
  const channelRef = useRef<BroadcastChannel | null>(null);
  const hasEndedRef = useRef(false);
  const inFlightRef = useRef<Promise<void> | null>(null);

  // Props change identity on every render of the app; the effects below must not restart.
  const propsRef = useRef({ fetchStatus, extend, onSessionEnded });
  propsRef.current = { fetchStatus, extend, onSessionEnded };

  const end = useCallback((reason: SessionEndReason, shouldBroadcast: boolean) => {
    if (hasEndedRef.current) return;
    hasEndedRef.current = true;
    if (shouldBroadcast) channelRef.current?.postMessage({ type: 'ended', reason } satisfies ChannelMessage);
    propsRef.current.onSessionEnded(reason);
  }, []);

  const adoptDeadline = useCallback((idleExpiresAt: number, warningSeconds: number, shouldBroadcast: boolean) => {
    setDeadline((current) => (current === null || idleExpiresAt > current ? idleExpiresAt : current));
    setWarningMs(warningSeconds * 1000);
    if (shouldBroadcast) {
      channelRef.current?.postMessage({ type: 'deadline', idleExpiresAt, warningSeconds } satisfies ChannelMessage);
    }
  }, []);

  const refresh = useCallback((): Promise<void> => {
    if (hasEndedRef.current) return Promise.resolve();
    inFlightRef.current ??= propsRef.current
      .fetchStatus()
      .then((status) => {
        if (!status.signedIn || !status.idleExpiresAt) end('idle', true);
        else adoptDeadline(status.idleExpiresAt.getTime(), status.warningSeconds, true);
      })
      .catch(() => {
        // Offline or server hiccup: keep the last known deadline and try again on the next tick.
      })
      .finally(() => {
        inFlightRef.current = null;
      });
    return inFlightRef.current;
  }, [adoptDeadline, end]);

  // Channel with the other tabs.
  useEffect(() => {
    const channel = openChannel(channelName);
    channelRef.current = channel;
    if (channel) {
      channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
        const message = event.data;
        if (message?.type === 'deadline') adoptDeadline(message.idleExpiresAt, message.warningSeconds, false);
        else if (message?.type === 'ended') end(message.reason, false);
      };
    }
    return () => {
      channel?.close();
      channelRef.current = null;
    };
  }, [channelName, adoptDeadline, end]);

  // Polling: on mount, on an interval, when the tab regains focus, after user requests.
  useEffect(() => {
    void refresh();
    const interval = window.setInterval(() => void refresh(), pollIntervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    let timer: number | undefined;
    const unsubscribe = tracker.onUserRequestCompleted(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void refresh(), AFTER_USER_REQUEST_DELAY_MS);
    });
    return () => {
      window.clearInterval(interval);
      window.clearTimeout(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
      unsubscribe();
    };
  }, [refresh, tracker, pollIntervalMs]);

  // A one-second clock while signed in; cheap, and it drives the countdown.
  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(tick);
  }, []);

  const remainingMs = deadline === null ? null : deadline - now;

  // Past the deadline: the server has (or is about to have) ended the session; confirm it.
  const lastExpiredCheckRef = useRef(0);
  useEffect(() => {
    if (remainingMs === null || remainingMs > 0) return;
    if (now - lastExpiredCheckRef.current < EXPIRED_RECHECK_MS) return;
    lastExpiredCheckRef.current = now;
    void refresh();
  }, [remainingMs, now, refresh]);

  const isWarningOpen = remainingMs !== null && warningMs > 0 && remainingMs <= warningMs;

  const isExtendingRef = useRef(false);
  const onExtend = useCallback(async () => {
    if (isExtendingRef.current) return;
    isExtendingRef.current = true;
    setIsExtending(true);
    setHasExtendFailed(false);
    try {
      const result = await propsRef.current.extend();
      adoptDeadline(result.idleExpiresAt.getTime(), warningMs / 1000, true);
    } catch {
      setHasExtendFailed(true);
      void refresh();
    } finally {
      isExtendingRef.current = false;
      setIsExtending(false);
    }
  }, [adoptDeadline, refresh, warningMs]);

  return (
    <IdleWarningDialog
      isOpen={isWarningOpen}
      remainingMs={Math.max(0, remainingMs ?? 0)}
      isExtending={isExtending}
      hasExtendFailed={hasExtendFailed}
      onExtend={() => void onExtend()}
      onSignOut={onSignOutRequested}
    />
  );
}

export function formatRemaining(t: (key: string, options?: Record<string, unknown>) => string, ms: number): string {
  const totalSeconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return minutes > 0 ? t('idle.minutesSeconds', { minutes, seconds }) : t('idle.seconds', { seconds });
}

/** Moments worth announcing to screen readers; every second would drown everything else. */
function announcementBucket(ms: number): number {
  const seconds = Math.ceil(ms / 1000);
  if (seconds > 60) return Math.ceil(seconds / 60) * 60;
  if (seconds > 30) return 60;
  if (seconds > 10) return 30;
  return 10;
}

interface IdleWarningDialogProps {
  isOpen: boolean;
  remainingMs: number;
  isExtending: boolean;
  hasExtendFailed: boolean;
  onExtend: () => void;
  onSignOut: () => void;
}

/**
 * A native modal <dialog> (the rest of the page becomes inert) with role="alertdialog"; Tab is
 * kept inside it. Escape counts as "I am here" and extends, because any key press shows the user
 * is present and closing the warning without extending would only lead to a silent sign-out.
 */
function IdleWarningDialog({ isOpen, remainingMs, isExtending, hasExtendFailed, onExtend, onSignOut }: IdleWarningDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const extendRef = useRef<HTMLButtonElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const [announced, setAnnounced] = useState('');
  const lastBucketRef = useRef<number | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      returnFocusRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      extendRef.current?.focus();
    } else if (!isOpen && dialog.open) {
      dialog.close();
      returnFocusRef.current?.focus();
      returnFocusRef.current = null;
      lastBucketRef.current = null;
    }
  }, [isOpen]);

  const time = formatRemaining(t, remainingMs);
  useEffect(() => {
    if (!isOpen) return;
    const bucket = announcementBucket(remainingMs);
    if (lastBucketRef.current === null) {
      lastBucketRef.current = bucket; // The opening itself is announced by role="alertdialog".
      return;
    }
    if (bucket !== lastBucketRef.current) {
      lastBucketRef.current = bucket;
      setAnnounced(t('idle.body', { time: formatRemaining(t, bucket * 1000) }));
    }
  }, [isOpen, remainingMs, t]);

  return (
    <dialog
      ref={dialogRef}
      className="k-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-dialog-title"
      aria-describedby="idle-dialog-body"
      onCancel={(event) => {
        event.preventDefault();
        onExtend();
      }}
      onClose={() => {
        // The browser may force-close on a repeated Escape; treat that like the Escape above.
        if (isOpen) onExtend();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Tab') return;
        const focusable = Array.from(
          dialogRef.current?.querySelectorAll<HTMLElement>('button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])') ?? [],
        );
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (!first || !last) return;
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }}
    >
      {isOpen ? (
        <>
          <h2 id="idle-dialog-title">{t('idle.title')}</h2>
          <div id="idle-dialog-body">
            <p>{t('idle.body', { time })}</p>
            <p>{t('idle.instruction')}</p>
          </div>
          <p className="k-countdown" aria-hidden="true" data-testid="idle-countdown">
            {time}
          </p>
          {hasExtendFailed ? (
            <p className="k-field-error" role="alert">
              {t('idle.extendFailed')}
            </p>
          ) : null}
          <div className="k-button-row">
            <button ref={extendRef} type="button" className="k-button" onClick={onExtend} aria-disabled={isExtending || undefined}>
              {t('idle.extend')}
            </button>
            <button type="button" className="k-button k-button--secondary" onClick={onSignOut}>
              {t('idle.signOut')}
            </button>
          </div>
          <div className="k-visually-hidden" aria-live="polite" aria-atomic="true">
            {announced}
          </div>
        </>
      ) : null}
    </dialog>
  );
}
