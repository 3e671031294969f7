import { render } from 'preact';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

render(<App search={location.search} />, document.getElementById('app')!);
