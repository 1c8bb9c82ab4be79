import { render } from 'preact';
import { loadSession } from './api';
import { App } from './app';
import { loadCodelists } from './codelists';
import { languageReady } from './i18n';
import './styles.css';

loadSession();
loadCodelists();
// Drawn once the reader's language is here, so no English flashes first.
void languageReady.then(() => render(<App />, document.getElementById('app')!));
