// The route table: each page's path, the roles that may open it, and its
// place in the main navigation. A role not listed sees "not found", as the
// API answers; a visitor is offered the sign-in form instead. Within a page
// the server still decides which objects a user sees (404 otherwise).
import type { JSX } from 'preact';
import type { User } from './api';
import { lazy } from './components/lazy';
import type { MessageKey } from './messages/en';
import { SignIn } from './pages/accounts/sign_in';
import { HubSearch } from './pages/hub/hub_search';
import { Home } from './pages/portal/home';
import { Notifications } from './pages/portal/notifications';
import { TrainingCatalog } from './pages/training/training';

// Pages of signed-in work and of less-visited public tools load when first
// opened (components/lazy.tsx); the public reading pages above are in the shell.
const Invitation = lazy(() => import('./pages/accounts/invitation').then((m) => m.Invitation));
const HubDocumentPage = lazy(() => import('./pages/hub/hub_document').then((m) => m.HubDocumentPage));
const Providers = lazy(() => import('./pages/hub/providers').then((m) => m.Providers));
const Roadmap = lazy(() => import('./pages/hub/roadmap').then((m) => m.Roadmap));
const Enquiry = lazy(() => import('./pages/portal/enquiry').then((m) => m.Enquiry));
const CertificatePage = lazy(() => import('./pages/training/certificate').then((m) => m.CertificatePage));
const TrainingCoursePage = lazy(() => import('./pages/training/training_course').then((m) => m.TrainingCoursePage));
const PasswordReset = lazy(() => import('./pages/accounts/password_reset').then((m) => m.PasswordReset));
const PasswordResetRequest = lazy(() => import('./pages/accounts/password_reset').then((m) => m.PasswordResetRequest));
const Account = lazy(() => import('./pages/accounts/account').then((m) => m.Account));
const Audit = lazy(() => import('./pages/accounts/audit').then((m) => m.Audit));
const Organisations = lazy(() => import('./pages/accounts/organisations').then((m) => m.Organisations));
const People = lazy(() => import('./pages/accounts/people').then((m) => m.People));
const Outbox = lazy(() => import('./pages/accounts/outbox').then((m) => m.Outbox));
const HubCompare = lazy(() => import('./pages/hub/hub_compare').then((m) => m.HubCompare));
const HubUpload = lazy(() => import('./pages/hub/hub_upload').then((m) => m.HubUpload));
const ModelDetailPage = lazy(() => import('./pages/models/model_detail').then((m) => m.ModelDetailPage));
const ModelEditor = lazy(() => import('./pages/models/model_editor').then((m) => m.ModelEditor));
const ModelReport = lazy(() => import('./pages/models/model_report').then((m) => m.ModelReport));
const Models = lazy(() => import('./pages/models/models').then((m) => m.Models));
const MonitoredContractPage = lazy(() => import('./pages/monitoring/monitored_contract').then((m) => m.MonitoredContractPage));
const Monitoring = lazy(() => import('./pages/monitoring/monitoring').then((m) => m.Monitoring));
const Impact = lazy(() => import('./pages/reports/impact').then((m) => m.Impact));
const RequestDetail = lazy(() => import('./pages/requests/request_detail').then((m) => m.RequestDetail));
const RequestForm = lazy(() => import('./pages/requests/request_form').then((m) => m.RequestForm));
const Requests = lazy(() => import('./pages/requests/requests').then((m) => m.Requests));
const Commitments = lazy(() => import('./pages/requests/commitments').then((m) => m.Commitments));
const SlaPolicy = lazy(() => import('./pages/requests/sla_policy').then((m) => m.SlaPolicy));
const Disciplines = lazy(() => import('./pages/roster/disciplines').then((m) => m.Disciplines));
const ExpertProfile = lazy(() => import('./pages/roster/expert_profile').then((m) => m.ExpertProfile));
const Roster = lazy(() => import('./pages/roster/roster').then((m) => m.Roster));

export type Role = 'public' | User['role'];
export interface Route {
  // "/requests/:id/edit": each ":name" part matches one id (letters, digits, _ and -).
  path: string;
  roles: readonly Role[];
  page: (params: Record<string, string>, role: Role) => JSX.Element;
  // In the main navigation, with this label, for the roles above.
  nav?: MessageKey;
}

const staff: Role[] = ['coordinator', 'admin'];
const signedIn: Role[] = ['government', 'expert', 'coordinator', 'admin'];
// Funders read impact reports and nothing of any request.
const reports: Role[] = ['coordinator', 'admin', 'funder'];
const everyAccount: Role[] = [...signedIn, 'funder'];
const anyone: Role[] = ['public', ...everyAccount];
// Registers of signed contracts: governments their own, the Support Unit all.
const monitoring: Role[] = ['government', 'coordinator', 'admin'];

// The navigation's entries first, in the order it shows them.
export const routes: Route[] = [
  { path: '/', roles: anyone, nav: 'nav.home', page: () => <Home /> },
  { path: '/hub', roles: anyone, nav: 'nav.hub', page: () => <HubSearch /> },
  { path: '/roadmap', roles: anyone, nav: 'nav.roadmap', page: () => <Roadmap /> },
  { path: '/providers', roles: anyone, nav: 'nav.providers', page: () => <Providers /> },
  { path: '/training', roles: anyone, nav: 'nav.training', page: () => <TrainingCatalog /> },
  { path: '/requests', roles: signedIn, nav: 'nav.requests', page: () => <Requests /> },
  { path: '/models', roles: signedIn, nav: 'nav.models', page: () => <Models /> },
  { path: '/monitoring', roles: monitoring, nav: 'nav.monitoring', page: () => <Monitoring /> },
  { path: '/enquiry', roles: ['public'], nav: 'nav.enquiry', page: () => <Enquiry /> },
  { path: '/profile', roles: ['expert'], nav: 'nav.profile', page: () => <ExpertProfile /> },
  { path: '/roster', roles: staff, nav: 'nav.roster', page: () => <Roster /> },
  { path: '/organisations', roles: signedIn, nav: 'nav.organisations', page: () => <Organisations /> },
  { path: '/people', roles: staff, nav: 'nav.people', page: () => <People /> },
  { path: '/sla-policy', roles: staff, nav: 'nav.slaPolicy', page: () => <SlaPolicy /> },
  { path: '/impact', roles: reports, nav: 'nav.impact', page: () => <Impact /> },
  { path: '/disciplines', roles: ['admin'], nav: 'nav.disciplines', page: () => <Disciplines /> },
  { path: '/audit', roles: ['admin'], nav: 'nav.audit', page: () => <Audit /> },
  { path: '/mail', roles: ['admin'], nav: 'nav.mail', page: () => <Outbox /> },
  { path: '/account', roles: everyAccount, nav: 'nav.account', page: () => <Account /> },

  { path: '/sign-in', roles: anyone, page: (_, role) => (role === 'public' ? <SignIn /> : <Home />) },
  { path: '/invitation/:token', roles: anyone, page: (p) => <Invitation token={p.token} /> },
  { path: '/password-reset', roles: anyone, page: () => <PasswordResetRequest /> },
  { path: '/password-reset/:token', roles: anyone, page: (p) => <PasswordReset token={p.token} /> },
  { path: '/notifications', roles: everyAccount, page: () => <Notifications /> },
  { path: '/commitments', roles: staff, page: () => <Commitments /> },
  { path: '/requests/new', roles: ['government'], page: () => <RequestForm /> },
  { path: '/requests/:id/edit', roles: ['government'], page: (p) => <RequestForm id={p.id} /> },
  { path: '/requests/:id', roles: signedIn, page: (p) => <RequestDetail id={p.id} /> },
  { path: '/experts/:id', roles: staff, page: (p) => <ExpertProfile id={p.id} /> },
  { path: '/hub/new', roles: staff, page: () => <HubUpload /> },
  { path: '/hub/compare', roles: anyone, page: () => <HubCompare /> },
  { path: '/hub/documents/:id', roles: anyone, page: (p) => <HubDocumentPage id={p.id} /> },
  // A funder's own workspace models, by link (the API lets every account keep some).
  { path: '/models/new', roles: everyAccount, page: () => <ModelEditor /> },
  { path: '/models/:id/edit', roles: everyAccount, page: (p) => <ModelEditor id={p.id} /> },
  { path: '/models/:id/report', roles: everyAccount, page: (p) => <ModelReport id={p.id} /> },
  { path: '/models/:id', roles: everyAccount, page: (p) => <ModelDetailPage id={p.id} /> },
  { path: '/monitoring/contracts/:id', roles: monitoring, page: (p) => <MonitoredContractPage id={p.id} /> },
  { path: '/training/courses/:id', roles: anyone, page: (p) => <TrainingCoursePage id={p.id} /> },
  { path: '/training/certificates/:id', roles: anyone, page: (p) => <CertificatePage id={p.id} /> },
];

export const navigation = routes.filter((r) => r.nav);

// The first route whose path matches, and its parameters.
export function findRoute(path: string): { route: Route; params: Record<string, string> } | null {
  const parts = path.split('/');
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((p, i) => {
      if (!p.startsWith(':')) return p === parts[i];
      params[p.slice(1)] = parts[i];
      return /^[A-Za-z0-9_-]+$/.test(parts[i]);
    });
    if (matches) return { route, params };
  }
  return null;
}
