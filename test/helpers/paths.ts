// Where tests find the repository, its fixtures and the shared workspace, from any depth under test/.
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
/** The folder beside the repository (../shared): reference tables and the corpus, outside the repo. */
export const SHARED = join(ROOT, '..', 'shared');
