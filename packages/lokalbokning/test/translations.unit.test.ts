import { resolve } from 'node:path';
import { describeEnglishTranslation } from '../../../scripts/test/translations.js';

describeEnglishTranslation('@kommunkit/lokalbokning', resolve(import.meta.dirname, '..'));
