import { resolve } from 'node:path';
import { describeEnglishTranslation } from '../../../scripts/test/translations.js';

describeEnglishTranslation('@kommunkit/felanmalan', resolve(import.meta.dirname, '..'));
