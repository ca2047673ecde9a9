/**
 * Entry of commands.html: the ribbon functions on their own, for a client
 * that runs them without the shared runtime. The shared runtime uses
 * taskpane.html, which registers the same functions.
 */
import { getSession } from '../taskpane/host';
import { registerCommands } from './register';

registerCommands(getSession);
