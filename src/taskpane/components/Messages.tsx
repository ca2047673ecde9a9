import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { MessageParams } from '../../engine';
import type { SessionState } from '../session';

interface Props {
  state: SessionState;
  t: (id: string, params?: MessageParams) => string;
  onDismiss: () => void;
}

/**
 * The pane's messages: an action's error (with a button to dismiss it) or its
 * notice, and a warning when marking failed or skipped sheets. A chunk of its
 * own (the message bars are not needed for the first paint).
 */
export function Messages({ state, t, onDismiss }: Props) {
  const message = state.error ? (
    <MessageBar intent="error" data-testid="error">
      <MessageBarBody>
        <MessageBarTitle>{t('taskpane.error.title')}</MessageBarTitle>
        {t(`action-error.${state.error}`)}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {t('taskpane.dismiss')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  ) : state.notice ? (
    <MessageBar intent="success" data-testid="notice">
      <MessageBarBody>{t(state.notice.id, state.notice.params)}</MessageBarBody>
    </MessageBar>
  ) : null;

  const marks = state.report?.marks;
  const marksWarning =
    marks !== undefined && (marks.error !== undefined || marks.skippedSheets.length > 0) ? (
      <MessageBar intent="warning" data-testid="marks-warning">
        <MessageBarBody>
          {marks.error !== undefined ? t('taskpane.marks.failed', { reason: t(`action-error.${marks.error}`) }) : t('taskpane.marks.skipped', { sheets: marks.skippedSheets.join(', ') })}
        </MessageBarBody>
      </MessageBar>
    ) : null;

  return (
    <>
      {message}
      {marksWarning}
    </>
  );
}
