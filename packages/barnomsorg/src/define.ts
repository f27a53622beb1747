import { KkBarnomsorg } from './barnomsorg.js';

KkBarnomsorg.define('kk-barnomsorg');

declare global {
  interface HTMLElementTagNameMap {
    'kk-barnomsorg': KkBarnomsorg;
  }
}
