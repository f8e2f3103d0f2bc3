// Group B's provider extractors, re-exported so that the registry imports them in one line.
export { amazonses } from '../amazonses';
export { amazonworkmail } from '../amazonworkmail';
export { einsundeins } from '../einsundeins';
export { exchange2003 } from '../exchange2003';
export { exchange2007 } from '../exchange2007';
export { ezweb } from '../ezweb';
export { gmail } from '../gmail';
export { gmx } from '../gmx';
export { googlegroups } from '../googlegroups';
export { kddi } from '../kddi';
export { mailru } from '../mailru';
export { sendgrid } from '../sendgrid';
export { yahoo } from '../yahoo';
export { zoho } from '../zoho';
