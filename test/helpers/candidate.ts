// An extractor candidate for tests that start after extraction: the reply text,
// and only the fields a test cares about (the rest empty, format "argv").
import type { Candidate } from '../../src/types';

export function candidate(diagnostic: string, fields: Partial<Candidate> = {}): Candidate {
  return { recipient: null, action: null, statusField: null, diagnostic, remoteMta: null, command: null, format: 'argv', ...fields };
}
