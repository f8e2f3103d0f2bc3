// Deutsche Telekom's T-Online mail (mx00.t-online.de).
import type { Provider } from './provider';

export const tOnline: Provider = {
  id: 't-online',
  name: 'Telekom (T-Online)',
  docs: 'https://postmaster.t-online.de/',
  hosts: ['t-online.de'],
  domains: ['t-online.de', 'magenta.de'],
  marker: /postmaster\.t-online\.de|tosa@rx\.t-online\.de/,
  markerHints: ['postmaster.t-online.de', 'tosa@rx.t-online.de'],
  codes: [],
};
