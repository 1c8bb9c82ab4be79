// Where one due date of an obligation stands, as a coloured badge in the
// reader's language: on the register's own pages and on a contract's public page.
import { t } from '../i18n';
import type { MessageKey } from '../messages/en';

export function StateBadge({ state }: { state: string }) {
  return <span class={`badge badge-due-${state}`}>{t(`monitoring.state.${state}` as MessageKey)}</span>;
}
