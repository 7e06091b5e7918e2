import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { App } from './app/App.tsx';
import { finishPendingSignOut, registerServiceWorker } from './features/offline/register-sw.ts';
import { setUpI18n } from './i18n/i18n.ts';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');

registerServiceWorker();

// A sign-out made without a connection is finished on the server before anything else.
void finishPendingSignOut()
  .then(setUpI18n)
  .then(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
