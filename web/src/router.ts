// Paths without a hash: the server answers every page path with index.html.
import { signal } from './state';

export const path = signal(location.pathname);
window.addEventListener('popstate', () => (path.value = location.pathname));

export function navigate(to: string) {
  if (to === location.pathname) return;
  history.pushState(null, '', to);
  path.value = to;
  window.scrollTo(0, 0);
}

// For <a href> clicks: stay in the app unless a modifier asks for a new tab.
export function follow(e: MouseEvent) {
  const a = (e.currentTarget as HTMLAnchorElement) || null;
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(a.getAttribute('href') || '/');
}
