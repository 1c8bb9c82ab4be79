// A page whose code loads when it is first opened, so that a visitor reading
// the hub does not download the fiscal editor or the Support Unit's desk.
// Until its code arrives the page says it is loading; when the connection
// fails, it says so and offers to try again.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const start = () => (pending ??= load().then((c) => (loaded = c)).catch((e) => {
    pending = null; // the next attempt asks again
    throw e;
  }));
  return function LazyPage(props: P) {
    // Hooks run on every render, loaded or not, so their order never changes.
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      start().then(
        () => live && setReady((n) => n + 1),
        () => live && setFailed(true),
      );
      return () => { live = false; };
    }, [attempt]);
    if (loaded) {
      const Page = loaded;
      return <Page {...props} />;
    }
    if (failed) {
      return (
        <div class="attention" role="alert">
          <p>{t('error.pageNotLoaded')}</p>
          <button type="button" onClick={() => { setFailed(false); setAttempt((n) => n + 1); }}>{t('common.tryAgain')}</button>
        </div>
      );
    }
    return <p class="loading">{t('common.loading')}</p>;
  };
}
