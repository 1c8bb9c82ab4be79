import { t } from '../../i18n';

export function Home() {
  return (
    <article class="home">
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.intro')}</p>
      <h2>{t('home.pillarsTitle')}</h2>
      <div class="pillars">
        <section>
          <h3>{t('home.pillar1Title')}</h3>
          <p>{t('home.pillar1')}</p>
        </section>
        <section>
          <h3>{t('home.pillar2Title')}</h3>
          <p>{t('home.pillar2')}</p>
        </section>
        <section>
          <h3>{t('home.pillar3Title')}</h3>
          <p>{t('home.pillar3')}</p>
        </section>
      </div>
      <h2>{t('home.howTitle')}</h2>
      <ol class="steps">
        <li>{t('home.how1')}</li>
        <li>{t('home.how2')}</li>
        <li>{t('home.how3')}</li>
        <li>{t('home.how4')}</li>
      </ol>
    </article>
  );
}
