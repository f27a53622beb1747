import { KkLokalbokning } from './lokalbokning.js';

KkLokalbokning.define('kk-lokalbokning');

declare global {
  interface HTMLElementTagNameMap {
    'kk-lokalbokning': KkLokalbokning;
  }
}
