import type { ReasonRule } from './rule.js';

/** X.6.0–X.6.10: media and conversion errors (X.6.11 is Microsoft's bare LF, notcompliantrfc). */
const MEDIA_CODES = Array.from({ length: 11 }, (_, i) => [`5.6.${i}`, `4.6.${i}`]).flat();

export const contenterror: ReasonRule = {
  id: 'contenterror',
  actor: 'sender-content',
  title: "The message's format or attachments were refused",
  explanation:
    "The receiving server could not or would not take the message's content as it was built: its headers, its encoding, or a type of attachment.",
  advice: 'Resend without the attachment or with plain standard encoding; zip or link files the server may refuse.',
  statusCodes: MEDIA_CODES,
  phrases: [
    // English
    'media error',
    'media not supported',
    '8-bit data',
    '8bit data',
    'headers too large',
    'header too large',
    'header is too long',
    'invalid mime',
    'mime error',
    'conversion failed',
    'conversion required',
    'attachment not allowed',
    'attachments are not allowed',
    'attachment type',
    'banned attachment',
    'blocked attachment',
    'prohibited attachment',
    'forbidden attachment',
    'attachment rejected',
    'file type not allowed',
    'file extension',
    // German
    'anhang nicht erlaubt',
    'unzulässiger anhang',
    'dateityp nicht erlaubt',
    // French
    'pièce jointe interdite',
    'pièce jointe non autorisée',
    // Spanish
    'adjunto no permitido',
    // Italian
    'allegato non consentito',
    'allegato non permesso',
    // Portuguese
    'anexo não permitido',
    'anexo bloqueado',
    // Japanese
    '添付ファイルの種類',
    '添付ファイルが拒否',
    // Chinese
    '附件类型不允许',
    '禁止的附件',
    // Russian
    'недопустимое вложение',
    'запрещённое вложение',
    'запрещенное вложение',
  ],
};
