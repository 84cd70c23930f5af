import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createMesaClient } from './api/create-mesa-client';
import { MesaProvider } from './api/mesa-context';
import { Bootstrap } from './shell/Bootstrap';
import './styles/tokens.css';
import './styles/base.css';
import './styles/ui.css';

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
