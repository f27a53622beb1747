import { resolve } from 'node:path';
import { describeEnglishTranslation } from '../../../scripts/test/translations.js';

describeEnglishTranslation('@kommunkit/barnomsorg', resolve(import.meta.dirname, '..'));
