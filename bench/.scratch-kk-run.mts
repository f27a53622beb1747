import { gatewayLoad } from './gateway-load.js';
import { printTable } from './table.js';
printTable(await gatewayLoad());
process.exit(0);
