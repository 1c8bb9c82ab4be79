import { render } from 'preact';
import { loadSession } from './api';
import { App } from './app';
import './styles.css';

render(<App />, document.getElementById('app')!);
loadSession();
