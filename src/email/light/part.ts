// One node of the MIME tree as the part walk (split-parts.ts) builds it, and the
// byte values the reader looks for in the raw message.
import { LIGHT_MAX_DEPTH } from '../../limits';
import type { HeaderLine } from '../finish-email';
import { decline } from './decline';

export interface Part {
  readonly parent: Part | null;
  readonly depth: number;
  readonly headerStart: number;
  headerEnd: number;
  lines: HeaderLine[];
  contentType: string;
  params: Record<string, string>;
  encoding: string;
  disposition: string;
  hasFilename: boolean;
  boundary: Buffer | null;
  multipart: boolean;
  bodyStart: number;
  bodyEnd: number;
}

export const LF = 0x0a;
export const CR = 0x0d;
export const DASH = 0x2d;

export function newPart(parent: Part | null, start: number): Part {
  const depth = parent === null ? 0 : parent.depth + 1;
  if (depth > LIGHT_MAX_DEPTH) decline('LIGHT_MAX_DEPTH');
  return {
    parent,
    depth,
    headerStart: start,
    headerEnd: start,
    lines: [],
    contentType: 'text/plain',
    params: {},
    encoding: '',
    disposition: '',
    hasFilename: false,
    boundary: null,
    multipart: false,
    bodyStart: start,
    bodyEnd: start,
  };
}
