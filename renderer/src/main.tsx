// Must run before any zod schema is built (the contract's modules build them on import).
import './zod-jitless';
// Global styles first, so feature styles (imported by the components below) can refine them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/ui.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createMesaClient } from './api/create-mesa-client';
import { MesaProvider } from './api/mesa-context';
import { Bootstrap } from './shell/Bootstrap';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Created once, before the first render, so the web host's secret leaves the address bar at once.
const api = createMesaClient();

createRoot(container).render(
  <StrictMode>
    <MesaProvider api={api}>
      <Bootstrap />
    </MesaProvider>
  </StrictMode>,
);
