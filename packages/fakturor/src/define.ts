import { KkMinaFakturor } from './fakturor.js';

KkMinaFakturor.define('kk-mina-fakturor');

declare global {
  interface HTMLElementTagNameMap {
    'kk-mina-fakturor': KkMinaFakturor;
  }
}
