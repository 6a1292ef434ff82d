/** The explorer's entry: Grafana globals first, then the services, then the page. */
import './boot';
import React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installTwinServices } from './twin-services';

const datasource = installTwinServices();
const root = document.getElementById('root');
if (!root) {
  throw new Error('index.html has no #root element');
}
createRoot(root).render(
  <React.StrictMode>
    <App datasource={datasource} />
  </React.StrictMode>
);
