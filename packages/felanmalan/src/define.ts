import { KkFelanmalan } from './felanmalan.js';

KkFelanmalan.define('kk-felanmalan');

declare global {
  interface HTMLElementTagNameMap {
    'kk-felanmalan': KkFelanmalan;
  }
}
