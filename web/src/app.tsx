// The layout: header with the navigation of the user's role and the language
// switch, the page of the current path (routes.tsx), the footer.
import { useEffect, useState } from 'preact/hooks';
import { call, currentUser, signOut } from './api';
import { disciplineLabels, lists } from './codelists';
import { Link } from './components/link';
import { isLanguage, language, languages, setLanguage, t } from './i18n';
import type { MessageKey } from './messages/en';
import { SignIn } from './pages/accounts/sign_in';
import { refreshUnread, unread } from './pages/portal/notifications';
import { navigate, path as currentPath } from './router';
import { findRoute, navigation, type Role } from './routes';
import { useSignal } from './state';
import { discardWaiting, restoreWaiting, waiting } from './waiting';

function Page({ path, role }: { path: string; role: Role }) {
  const found = findRoute(path);
  if (found && found.route.roles.includes(role)) return found.route.page(found.params, role);
  if (found && role === 'public') return <SignIn />;
  return (
    <div>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
    </div>
  );
}

export function App() {
  const user = useSignal(currentUser);
  const path = useSignal(currentPath);
  const lang = useSignal(language);
  useSignal(disciplineLabels); // labels of disciplines on every page
  useSignal(lists); // pages render code lists as they arrive
  const unreadCount = useSignal(unread);
  const held = useSignal(waiting).length;
  useEffect(() => restoreWaiting(), [user?.id]); // what this account typed offline
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]); // a page opened from the menu closes it
  useEffect(() => {
    if (user) void refreshUnread();
  }, [user, path]);
  useEffect(() => {
    document.title = `${t('app.name')} — ${t('app.tagline')}`;
  }, [lang]);
  if (user === undefined) return <p class="loading">{t('common.loading')}</p>;
  const role: Role = user ? user.role : 'public';
  return (
    <div class="layout" lang={lang}>
      <header class={menuOpen ? 'menu-open' : undefined}>
        <div class="brand">
          <Link href="/">{t('app.name')}</Link>
          <span class="tagline">{t('app.tagline')}</span>
        </div>
        <nav id="main-nav" aria-label={t('nav.main')}>
          <ul>
            {navigation
              .filter((n) => n.roles.includes(role))
              .map((n) => (
                <li key={n.path}>
                  <Link href={n.path} current={path === n.path}>{t(n.nav!)}</Link>
                </li>
              ))}
          </ul>
        </nav>
        <div class="session">
          {user ? (
            <>
              <Link href="/notifications" current={path === '/notifications'}>
                {t('nav.notifications')}
                {unreadCount > 0 && <span class="count" aria-label={t('notifications.unread', { count: unreadCount })}> {unreadCount}</span>}
              </Link>
              <span class="who">
                {user.name} · {t(`role.${user.role}` as MessageKey)}
              </span>
              <button type="button" class="link sign-out" onClick={async () => { discardWaiting(); await signOut(); navigate('/'); }}>
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <Link href="/sign-in">{t('nav.signIn')}</Link>
          )}
          <label class="visually-hidden" for="language-switch">{t('lang.choose')}</label>
          <select id="language-switch" class="lang" value={lang}
            onChange={(e) => {
              const next = (e.currentTarget as HTMLSelectElement).value;
              if (!isLanguage(next)) return;
              void setLanguage(next);
              // Kept in the account too: its mails, and its next sign-in, follow it.
              if (user) void call('PUT', '/api/v1/account/mail', { language: next });
            }}>
            {Object.entries(languages).map(([code, name]) => (
              <option value={code} lang={code} key={code}>{name}</option>
            ))}
          </select>
          {/* Phones: the navigation and the account fold behind this button. */}
          <button type="button" class="secondary menu-toggle" aria-controls="main-nav" aria-expanded={menuOpen ? 'true' : 'false'}
            onClick={() => setMenuOpen(!menuOpen)}>
            {t('nav.menu')}{user && unreadCount > 0 && <span class="count"> {unreadCount}</span>}
          </button>
        </div>
      </header>
      <main>
        {held > 0 && <p class="waiting-banner" role="status">{t('waiting.count', { count: held })}</p>}
        <Page path={path} role={role} />
      </main>
      <footer>{t('footer.confidential')}</footer>
    </div>
  );
}
