// Paths without a hash: the server answers every page path with index.html.
// `path` is the page; `query` its parameters (search words, the page of a
// document), so that a link to a highlighted page can be shared.
import { signal } from './state';

export const path = signal(location.pathname);
export const query = signal(location.search);
window.addEventListener('popstate', () => {
  path.value = location.pathname;
  query.value = location.search;
});

export function navigate(to: string) {
  if (to === location.pathname + location.search) return;
  history.pushState(null, '', to);
  query.value = location.search;
  path.value = location.pathname;
  window.scrollTo(0, 0);
}

// Records the page's parameters without a new history entry (filters as they change).
export function replaceQuery(params: URLSearchParams) {
  const search = params.toString() ? `?${params}` : '';
  if (search === location.search) return;
  history.replaceState(null, '', location.pathname + search);
  query.value = location.search;
}

// For <a href> clicks: stay in the app unless a modifier asks for a new tab.
export function follow(e: MouseEvent) {
  const a = (e.currentTarget as HTMLAnchorElement) || null;
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(a.getAttribute('href') || '/');
}
