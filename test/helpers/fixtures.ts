import { join } from 'node:path';

/** The folder of hand-written bounces (test/fixtures), whatever folder a test file sits in. */
export const FIXTURES_DIR = join(__dirname, '..', 'fixtures');
