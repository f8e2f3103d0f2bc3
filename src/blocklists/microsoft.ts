// Microsoft's own block lists: Exchange Online's "banned sending IP" (5.7.606–5.7.649,
// delisting at sender.office.com) and Outlook.com's network block (S3150).
import type { Blocklist } from './blocklist';

export const microsoftList: Blocklist = {
  id: 'microsoft',
  name: 'Microsoft',
  pattern: /banned sending ip|sender\.office\.com|\(S3150\)|part of their network is on our block ?list|\b5\.7\.6(?:0[6-9]|[1-4]\d)\b/i,
  hints: ['banned sending ip', 'sender.office.com', '(s3150)', 'part of their network is on our block', '5.7.6'],
  lookup: 'https://sender.office.com',
  advice: 'Ask Microsoft to delist the IP.',
  subLists: [
    {
      name: 'Outlook.com block list',
      pattern: /\(S3150\)|part of their network is on our block ?list/i,
      lookup: 'https://olcsupport.office.com',
      advice: "Outlook.com blocks the IP's network. Ask for delisting with the Outlook.com sender support form, or send through another provider.",
    },
    {
      name: 'Exchange Online banned IPs',
      pattern: /banned sending ip|sender\.office\.com|\b5\.7\.6(?:0[6-9]|[1-4]\d)\b/i,
      advice: "Microsoft 365 has banned the sending IP. Ask for delisting at sender.office.com (a confirmation mail is sent; removal takes up to a day).",
    },
  ],
};
