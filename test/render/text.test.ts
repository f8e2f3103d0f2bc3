import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { renderText } from '../../src/render/text';
import { diagnoseText } from '../../src/pipeline/text';
import { ROOT } from '../helpers/paths';

const plain = new Chalk({ level: 0 });

test('the text view shows the titles that come with the diagnosis', () => {
  const result = diagnoseText('550 5.1.1 <a@example.com>: Recipient address rejected: User unknown', 'argv');
  const text = renderText(result, plain);
  const d = result.diagnoses[0];
  assert.ok(d?.titles);
  assert.ok(text.includes(`userunknown: ${d.titles.reason}`), text);
  assert.ok(text.includes(`550  ${d.titles.reply?.title ?? 'x'}`), text);
  assert.ok(text.includes(`5.1.1  class 5: ${d.titles.status?.classTitle.toLowerCase() ?? 'x'}`), text);
  // Titles changed in the diagnosis change the text: nothing is looked up again.
  const changed = { ...d, titles: { reason: 'TITLE', reply: { title: 'REPLY', known: false, meaning: 'MEANING' }, status: null } };
  const other = renderText({ ...result, diagnoses: [changed] }, plain);
  assert.match(other, /userunknown: TITLE/);
  assert.match(other, /550 {2}REPLY \(not a registered code\)/);
  assert.match(other, /MEANING/);
  assert.doesNotMatch(other, /Status/);
});

test('a diagnosis made by hand, without titles, shows the reason id alone and no code lines', () => {
  const result = diagnoseText('552 5.2.2 Mailbox full', 'argv');
  const bare = result.diagnoses.map((d) => ({ ...d, titles: undefined }));
  const text = renderText({ ...result, diagnoses: bare }, plain);
  assert.match(text, /mailboxfull\n/);
  assert.doesNotMatch(text, /Reply|Status/);
  assert.match(text, /Advice/);
});

test('render/ imports no code table, reason or provider: what it shows comes with the diagnosis', () => {
  const dir = join(ROOT, 'src', 'render');
  for (const file of readdirSync(dir)) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const m of source.matchAll(/from '([^']+)'/g)) {
      assert.doesNotMatch(m[1] ?? '', /smtp\/|reasons|providers|blocklists|explain/, `${file} imports ${m[1]}`);
    }
  }
});
