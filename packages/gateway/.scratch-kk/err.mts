import pino from 'pino';
import { loggerOptions } from '../src/logging.js';
const logger = pino(loggerOptions('info'));
const error = Object.assign(new Error('dubblett 19900101-2385', { cause: new Error('ring 0701234567') }), { detail: 'Key (personnummer)=(199001012385) already exists.' });
logger.error(error);
logger.error({ err: error });
