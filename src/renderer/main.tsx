// Renderer entry: Electron's preload sets window.lopsided; in a browser (server mode) the HTTP client is used.
import { createRoot } from 'react-dom/client';
import { getApi } from './api/httpApi';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App api={window.lopsided ?? getApi()} />);
