import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/queryClient';
import { wireApp } from './app/wiring';
import './app/styles.css';

// Wired before the first render: the first queries already need the session's tokens.
const client = createQueryClient();
wireApp(client);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
