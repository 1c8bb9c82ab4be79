// The layout: header with the navigation of the user's role and the language
// switch, the page of the current path, the footer. Pages a role may not open
// answer "not found", as the API does.
import { useEffect } from 'preact/hooks';
import { currentUser, signOut, type User } from './api';
import { Link } from './components/link';
import { language, setLanguage, t } from './i18n';
import type { MessageKey } from './messages/en';
import { Account } from './pages/account';
import { Audit } from './pages/audit';
import { Home } from './pages/home';
import { Impact } from './pages/impact';
import { MonitoredContractPage } from './pages/monitored_contract';
import { Monitoring } from './pages/monitoring';
import { CertificatePage } from './pages/certificate';
import { TrainingCatalog } from './pages/training';
import { TrainingCoursePage } from './pages/training_course';
import { ModelDetailPage } from './pages/model_detail';
import { Models } from './pages/models';
import { ModelEditor } from './pages/model_editor';
import { ModelReport } from './pages/model_report';
import { HubCompare } from './pages/hub_compare';
import { HubDocumentPage } from './pages/hub_document';
import { HubSearch } from './pages/hub_search';
import { HubUpload } from './pages/hub_upload';
import { Providers } from './pages/providers';
import { Roadmap } from './pages/roadmap';
import { Invitation } from './pages/invitation';
import { Enquiry } from './pages/enquiry';
import { ExpertProfile } from './pages/expert_profile';
import { Notifications, refreshUnread, unread } from './pages/notifications';
import { Organisations } from './pages/organisations';
import { People } from './pages/people';
import { RequestDetail } from './pages/request_detail';
import { RequestForm } from './pages/request_form';
import { Requests } from './pages/requests';
import { Roster } from './pages/roster';
import { SlaPolicy } from './pages/sla_policy';
import { Disciplines } from './pages/disciplines';
import { disciplineLabels } from './requests';
import { SignIn } from './pages/sign_in';
import { navigate, path as currentPath } from './router';
import { useSignal } from './state';

type Role = 'public' | User['role'];
interface NavItem {
  href: string;
  label: MessageKey;
  roles: Role[];
}
const staff: Role[] = ['coordinator', 'admin'];
const signedIn: Role[] = ['government', 'expert', 'coordinator', 'admin'];
// Funders read impact reports and nothing of any request.
const reports: Role[] = ['coordinator', 'admin', 'funder'];
const anyone: Role[] = ['public', ...signedIn, 'funder'];
// Registers of signed contracts: governments their own, the Support Unit all.
const monitoring: Role[] = ['government', 'coordinator', 'admin'];
export const navigation: NavItem[] = [
  { href: '/', label: 'nav.home', roles: anyone },
  { href: '/hub', label: 'nav.hub', roles: anyone },
  { href: '/roadmap', label: 'nav.roadmap', roles: anyone },
  { href: '/providers', label: 'nav.providers', roles: anyone },
  { href: '/training', label: 'nav.training', roles: anyone },
  { href: '/requests', label: 'nav.requests', roles: signedIn },
  { href: '/models', label: 'nav.models', roles: signedIn },
  { href: '/monitoring', label: 'nav.monitoring', roles: monitoring },
  { href: '/enquiry', label: 'nav.enquiry', roles: ['public'] },
  { href: '/profile', label: 'nav.profile', roles: ['expert'] },
  { href: '/roster', label: 'nav.roster', roles: staff },
  { href: '/organisations', label: 'nav.organisations', roles: signedIn },
  { href: '/people', label: 'nav.people', roles: staff },
  { href: '/sla-policy', label: 'nav.slaPolicy', roles: staff },
  { href: '/impact', label: 'nav.impact', roles: reports },
  { href: '/disciplines', label: 'nav.disciplines', roles: ['admin'] },
  { href: '/audit', label: 'nav.audit', roles: ['admin'] },
  { href: '/account', label: 'nav.account', roles: [...signedIn, 'funder'] },
];

function Page({ path, role }: { path: string; role: Role }) {
  const invitation = path.match(/^\/invitation\/([A-Za-z0-9_-]+)$/);
  if (invitation) return <Invitation token={invitation[1]} />;
  if (path === '/sign-in') return role === 'public' ? <SignIn /> : <Home />;
  // Request pages: the server decides who sees which request (404 otherwise).
  const request = path.match(/^\/requests\/([A-Za-z0-9_]+)(\/edit)?$/);
  if (request && role !== 'public') {
    if (request[1] === 'new' && role === 'government') return <RequestForm />;
    if (request[2] && role === 'government') return <RequestForm id={request[1]} />;
    if (request[1] !== 'new' && !request[2]) return <RequestDetail id={request[1]} />;
  }
  if (path === '/notifications' && role !== 'public') return <Notifications />;
  // Hub pages: the server decides which documents each role sees.
  const hubDocument = path.match(/^\/hub\/documents\/([A-Za-z0-9_]+)$/);
  if (hubDocument) return <HubDocumentPage id={hubDocument[1]} />;
  if (path === '/hub/compare') return <HubCompare />;
  // Fiscal models: the server answers 404 for a model the user may not open.
  if (path === '/models/new' && role !== 'public') return <ModelEditor />;
  const fiscalModel = path.match(/^\/models\/([A-Za-z0-9_]+)(\/edit|\/report)?$/);
  if (fiscalModel && role !== 'public') {
    if (fiscalModel[2] === '/edit') return <ModelEditor id={fiscalModel[1]} />;
    if (fiscalModel[2] === '/report') return <ModelReport id={fiscalModel[1]} />;
    return <ModelDetailPage id={fiscalModel[1]} />;
  }
  // Training: the server decides which courses each role sees; certificates are read by link.
  const course = path.match(/^\/training\/courses\/([A-Za-z0-9_]+)$/);
  if (course) return <TrainingCoursePage id={course[1]} />;
  const certificate = path.match(/^\/training\/certificates\/([A-Za-z0-9_]+)$/);
  if (certificate) return <CertificatePage id={certificate[1]} />;
  const monitored = path.match(/^\/monitoring\/contracts\/([A-Za-z0-9_]+)$/);
  if (monitored && monitoring.includes(role)) return <MonitoredContractPage id={monitored[1]} />;
  if (path === '/hub/new' && (role === 'coordinator' || role === 'admin')) return <HubUpload />;
  const expert = path.match(/^\/experts\/([A-Za-z0-9_]+)$/);
  if (expert && (role === 'coordinator' || role === 'admin')) return <ExpertProfile id={expert[1]} />;
  const item = navigation.find((n) => n.href === path);
  if (!item || !item.roles.includes(role)) {
    if (item && role === 'public') return <SignIn />;
    return (
      <div>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
      </div>
    );
  }
  switch (path) {
    case '/organisations':
      return <Organisations />;
    case '/people':
      return <People />;
    case '/audit':
      return <Audit />;
    case '/requests':
      return <Requests />;
    case '/enquiry':
      return <Enquiry />;
    case '/sla-policy':
      return <SlaPolicy />;
    case '/disciplines':
      return <Disciplines />;
    case '/profile':
      return <ExpertProfile />;
    case '/roster':
      return <Roster />;
    case '/hub':
      return <HubSearch />;
    case '/models':
      return <Models />;
    case '/roadmap':
      return <Roadmap />;
    case '/providers':
      return <Providers />;
    case '/account':
      return <Account />;
    case '/impact':
      return <Impact />;
    case '/monitoring':
      return <Monitoring />;
    case '/training':
      return <TrainingCatalog />;
    default:
      return <Home />;
  }
}

export function App() {
  const user = useSignal(currentUser);
  const path = useSignal(currentPath);
  const lang = useSignal(language);
  useSignal(disciplineLabels); // labels of disciplines on every page
  const unreadCount = useSignal(unread);
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
      <header>
        <div class="brand">
          <Link href="/">{t('app.name')}</Link>
          <span class="tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.main')}>
          <ul>
            {navigation
              .filter((n) => n.roles.includes(role))
              .map((n) => (
                <li key={n.href}>
                  <Link href={n.href} current={path === n.href}>{t(n.label)}</Link>
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
              <button type="button" class="link" onClick={async () => { await signOut(); navigate('/'); }}>
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <Link href="/sign-in">{t('nav.signIn')}</Link>
          )}
          <button type="button" class="link lang" aria-label={t('lang.switchLabel')}
            onClick={() => setLanguage(lang === 'en' ? 'fr' : 'en')}>
            {t('lang.switch')}
          </button>
        </div>
      </header>
      <main>
        <Page path={path} role={role} />
      </main>
      <footer>{t('footer.confidential')}</footer>
    </div>
  );
}
