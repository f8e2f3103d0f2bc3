// GMX and WEB.DE run on one platform (United Internet); both have postmaster pages (postmaster.gmx.net, postmaster.web.de).
import type { Provider } from './provider';

export const gmx: Provider = {
  id: 'gmx',
  name: 'GMX / WEB.DE',
  docs: 'https://postmaster.gmx.net/',
  hosts: ['gmx.net', 'gmx.de', 'gmx.com', 'web.de'],
  domains: ['gmx.de', 'gmx.net', 'gmx.at', 'gmx.ch', 'gmx.com', 'web.de'],
  marker: /postmaster\.(?:gmx\.net|web\.de)/,
  markerHints: ['postmaster.'],
  codes: [],
};
