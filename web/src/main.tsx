import { render } from 'preact';
import { loadSession } from './api';
import { App } from './app';
import { loadCodelists } from './codelists';
import './styles.css';

render(<App />, document.getElementById('app')!);
loadSession();
loadCodelists();
