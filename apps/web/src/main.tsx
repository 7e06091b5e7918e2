import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { App } from './app/App.tsx';
import { setUpI18n } from './i18n/i18n.ts';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');

void setUpI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
