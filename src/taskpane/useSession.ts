import { useCallback, useSyncExternalStore } from 'react';
import type { Language, MessageParams } from '../engine';
import { paneText } from './i18n';
import type { Session, SessionState } from './session';

/** The session's state, re-rendering on every change. */
export function useSessionState(session: Session): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}

/** A translator bound to the pane's current language. */
export function useT(lang: Language): (id: string, params?: MessageParams) => string {
  return useCallback((id: string, params?: MessageParams) => paneText(id, lang, params), [lang]);
}
