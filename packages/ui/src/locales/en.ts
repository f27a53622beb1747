
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's1e0331dfccc6ef3b': `Continue`,
's3aa7b3852a389296': `Error:`,
's44af6f0a93eec851': `Choose`,
's678dd9564bbb8050': `Change`,
's87183b7ad30332c7': `There is a problem`,
's88a374e71c6ea17c': `Your reference number`,
'sa33dd7e74079fe64': `(optional)`,
'sa528bc1c744b0095': str`Step ${0} of ${1}`,
'sf315150531fecdc7': `Back`,
'sf441acd765da6631': `Loading…`,
    };
  