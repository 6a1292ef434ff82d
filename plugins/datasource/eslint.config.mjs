export { default } from '../eslint.grafana.mjs';
