// The roadmap of a negotiation — planning and preparing, negotiating,
// monitoring implementation — with, for each stage, the guides and tools of
// the hub written for it, the support providers that serve it, and where
// the platform helps.
import { useEffect, useState } from 'preact/hooks';
import { call, currentUser } from '../../api';
import { loadCodelists } from '../../codelists';
import { Link } from '../../components/link';
import { type HubSummary, type Provider, type ProviderList, type SearchAnswer, kindLabel, stageLabel } from '../../hub';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { useSignal } from '../../state';

export function Roadmap() {
  const user = useSignal(currentUser);
  const [guides, setGuides] = useState<HubSummary[] | null>(null);
  const [providers, setProviders] = useState<Provider[]>([]);
  const [stages, setStages] = useState<string[] | null>(null);
  useEffect(() => {
    Promise.all(['guide', 'lesson', 'tool'].map((kind) => call<SearchAnswer>('GET', `/api/v1/hub/search?kind=${kind}&limit=100`))).then((answers) =>
      setGuides(answers.flatMap((a) => (a.data ? a.data.items : []))),
    );
    call<ProviderList>('GET', '/api/v1/hub/providers').then((r) => r.data && setProviders(r.data.items));
    loadCodelists().then((c) => setStages(c ? c.stages : []));
  }, []);
  // Where the platform itself helps at each stage.
  const help: Record<string, { href: string; label: MessageKey }> = {
    planning: user?.role === 'government' ? { href: '/requests/new', label: 'roadmap.askSupport' } : { href: user ? '/requests' : '/enquiry', label: 'roadmap.askSupport' },
    negotiating: { href: '/hub/compare?category=royalties', label: 'roadmap.compare' },
    monitoring: { href: '/hub?kind=contract', label: 'roadmap.contracts' },
  };
  if (!guides || !stages) return <p class="loading">{t('common.loading')}</p>;
  return (
    <div>
      <h1>{t('roadmap.title')}</h1>
      <p class="lead">{t('roadmap.intro')}</p>
      <ol class="roadmap">
        {stages.map((stage) => {
          const mine = guides.filter((g) => g.stage === stage);
          const serving = providers.filter((p) => p.stages.includes(stage));
          return (
            <li key={stage} id={stage}>
              <h2>{stageLabel(stage)}</h2>
              <p>{t(`roadmap.${stage}` as MessageKey)}</p>
              <p><Link href={help[stage].href}>{t(help[stage].label)}</Link></p>
              <div class="grid">
                <section>
                  <h3>{t('roadmap.guides')}</h3>
                  {mine.length === 0 ? <p>{t('roadmap.noGuides')}</p> : (
                    <ul>
                      {mine.map((g) => (
                        <li key={g.id}>
                          <Link href={`/hub/documents/${g.id}`}><span lang={g.language}>{g.title}</span></Link> <span class="muted">({kindLabel(g.kind)}{g.sample ? ` · ${t('hub.sample')}` : ''})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                <section>
                  <h3>{t('roadmap.providers')}</h3>
                  {serving.length === 0 ? <p>{t('roadmap.noProviders')}</p> : (
                    <ul>{serving.map((p) => <li key={p.id}><Link href={`/providers?stage=${stage}#${p.id}`}>{p.name}</Link></li>)}</ul>
                  )}
                </section>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
