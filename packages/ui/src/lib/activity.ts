/**
 * The server extends the idle timer (SPEC A6) only for requests the user caused. A request counts
 * as user-initiated when the user pressed a key or a pointer within the last few seconds; polls and
 * background refetches are marked `background` and never carry the header, so an unattended tab
 * cannot keep a session alive forever.
 */
export const USER_ACTIVITY_HEADER = 'x-user-activity';
export const USER_ACTIVITY_WINDOW_MS = 5_000;

type Listener = () => void;

export interface ActivityTracker {
  /** True when the user interacted within the activity window. */
  isActive(now?: number): boolean;
  /** Epoch ms of the last pointerdown/keydown, or 0. */
  lastInteractionAt(): number;
  /** Called by the tRPC link when a user-initiated request finished (the server moved the timer). */
  notifyUserRequestCompleted(): void;
  onUserRequestCompleted(listener: Listener): () => void;
  dispose(): void;
}

export function createActivityTracker(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
  windowMs: number = USER_ACTIVITY_WINDOW_MS,
): ActivityTracker {
  let last = 0;
  const listeners = new Set<Listener>();
  const mark = () => {
    last = Date.now();
  };
  // Capture phase so a handler that stops propagation cannot hide the interaction.
  const options = { capture: true, passive: true } as const;
  target.addEventListener('pointerdown', mark, options);
  target.addEventListener('keydown', mark, options);

  return {
    isActive: (now = Date.now()) => last > 0 && now - last <= windowMs,
    lastInteractionAt: () => last,
    notifyUserRequestCompleted: () => {
      for (const listener of listeners) listener();
    },
    onUserRequestCompleted: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      target.removeEventListener('pointerdown', mark, options);
      target.removeEventListener('keydown', mark, options);
      listeners.clear();
    },
  };
}
