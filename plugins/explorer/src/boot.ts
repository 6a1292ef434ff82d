/**
 * Grafana's globals, set before anything imports @grafana/runtime (its config reads
 * `window.grafanaBootData` at import) or renders an @grafana/ui icon. main.tsx imports this first.
 */
declare global {
  interface Window {
    grafanaBootData?: unknown;
    __grafana_public_path__?: string;
  }
}

// The least the runtime's config accepts without logging that Grafana is missing.
window.grafanaBootData = { settings: {}, user: {}, navTree: [] };
// Icons load from `<public path>build/img/icons/`, which the build copies next to the page.
window.__grafana_public_path__ = import.meta.env.BASE_URL;

export {};
