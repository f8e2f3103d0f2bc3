import type { ReasonRule } from './rule.js';

// First among the phrase rules: a suppressed address was never tried, whatever earlier error is quoted.
export const suppressed: ReasonRule = {
  id: 'suppressed',
  actor: 'recipient-address',
  title: 'Not sent: the address is on a suppression list',
  explanation:
    'The sending service did not even try this address because it is on a suppression list, usually after an earlier hard bounce or complaint.',
  advice: 'Find out why the address was suppressed; take it off the list only if you are sure it is valid now.',
  statusCodes: [],
  phrases: [
    // English
    'suppression list',
    'suppressionlist',
    'address is suppressed',
    'has been suppressed',
    'do-not-send list',
    'do not send list',
    // German
    'unterdrückungsliste',
    // French
    'liste de suppression',
    // Spanish
    'lista de supresión',
    // Italian
    'lista di soppressione',
    // Portuguese
    'lista de supressão',
    // Japanese
    '配信停止リスト',
    // Chinese
    '抑制列表',
    // Russian
    'список подавления',
  ],
};
