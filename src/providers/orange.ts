// Orange France (and the old Wanadoo domain). Orange tags its refusals with codes such as "OFR_999".
import type { Provider } from './provider';

export const orange: Provider = {
  id: 'orange',
  name: 'Orange (France)',
  docs: 'https://postmaster.orange.fr/',
  hosts: ['orange.fr', 'wanadoo.fr'],
  domains: ['orange.fr', 'wanadoo.fr'],
  marker: /\bOFR\d{0,3}_\d{1,3}\b/,
  markerHints: ['OFR'],
  codes: [],
};
