import type { ServiceModule } from './module.js';
import { barnomsorg } from './barnomsorg/index.js';
import { fakturor } from './fakturor/index.js';
import { felanmalan } from './felanmalan/index.js';
import { lokalbokning } from './lokalbokning/index.js';

/** Every service module, in the order their routes are registered. A new service is added here and in `catalog.ts`. */
export const serviceModules: readonly ServiceModule[] = [felanmalan, lokalbokning, barnomsorg, fakturor];
