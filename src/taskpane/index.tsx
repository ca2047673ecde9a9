/**
 * Entry of taskpane.html, which is also the shared runtime: it registers the
 * ribbon's functions, decides Excel or demo mode (after Office.onReady or a
 * timeout), and renders the pane inside FluentProvider.
 */
import { FluentProvider, Spinner, teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { registerCommands } from '../commands/register';
import { languageFromLocale } from '../engine';
import { paneText } from './i18n';
import { App } from './App';
import { getSession, startedSession } from './host';
import type { Session } from './session';

registerCommands(getSession);
// Started before the first render: in demo mode it is often there by then (no spinner).
void getSession();

function prefersHighContrast(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(forced-colors: active)').matches;
}

/** Light, dark (Office's dark themes) or high contrast. */
function chooseTheme(mode: 'excel' | 'demo' | undefined): Theme {
  if (prefersHighContrast()) return teamsHighContrastTheme;
  try {
    if (mode === 'excel') {
      const bg = Office.context.officeTheme?.bodyBackgroundColor;
      const m = bg ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bg) : null;
      if (m) {
        const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h as string, 16));
        if (0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number) < 100) return webDarkTheme;
      }
    }
  } catch {
    // No theme information: light.
  }
  return webLightTheme;
}

function Root() {
  // The session may have started before the first render (demo mode): then no spinner.
  const [session, setSession] = useState<Session | null>(() => startedSession() ?? null);
  const [theme, setTheme] = useState<Theme>(() => chooseTheme(startedSession()?.getState().mode));
  useEffect(() => {
    let alive = true;
    void getSession().then((s) => {
      if (!alive) return;
      setTheme(chooseTheme(s.getState().mode));
      setSession(s);
    });
    const mq = typeof window.matchMedia === 'function' ? window.matchMedia('(forced-colors: active)') : null;
    const onChange = () => setTheme((th) => (prefersHighContrast() ? teamsHighContrastTheme : th === teamsHighContrastTheme ? webLightTheme : th));
    mq?.addEventListener?.('change', onChange);
    return () => {
      alive = false;
      mq?.removeEventListener?.('change', onChange);
    };
  }, []);
  return (
    <FluentProvider theme={theme}>
      {session === null ? <Spinner size="small" label={paneText('taskpane.starting', languageFromLocale(navigator.language))} /> : <App session={session} />}
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (container !== null) {
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
