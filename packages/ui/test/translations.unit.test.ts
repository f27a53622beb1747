import { resolve } from 'node:path';
import { describeEnglishTranslation } from '../../../scripts/test/translations.js';

describeEnglishTranslation('@kommunkit/ui', resolve(import.meta.dirname, '..'));
