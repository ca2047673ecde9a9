/**
 * Entry of commands.html: the ribbon functions on their own, for a client
 * that runs them without the shared runtime (the shared runtime uses
 * taskpane.html, which registers the same functions). Opened as a dialog
 * with a `message` parameter, the page shows that message instead: Validera's
 * short result where the pane did not open.
 */
import { getSession } from '../taskpane/host';
import { registerCommands } from './register';

const message = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('message') : null;
if (message !== null) {
  const p = document.createElement('p');
  p.textContent = message;
  p.style.font = '14px "Segoe UI", system-ui, sans-serif';
  p.style.margin = '1em';
  document.body.append(p);
} else {
  registerCommands(getSession);
}
