// Renderer entry point.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './features/shell/theme.css';
import './styles/base.css';
import './styles/controls.css';
import './features/shell/shell.css';
import './features/workspace/workspace.css';
import './features/accounts/accounts.css';
import './features/designer/designer.css';
import './features/distribution/distribution.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
