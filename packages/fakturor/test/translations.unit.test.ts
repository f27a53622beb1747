import { resolve } from 'node:path';
import { describeEnglishTranslation } from '../../../scripts/test/translations.js';

describeEnglishTranslation('@kommunkit/fakturor', resolve(import.meta.dirname, '..'));
