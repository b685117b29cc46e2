// Unit tests of the reader's own logic: snippet parsing (what may become an element) and the printed forms of
// dates and figures. Vite loads the TypeScript modules as the browser build would, without a bundle.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'vite';
import { resolve } from 'node:path';
import { createHash } from 'node:crypto';

let vite;
let snippet;
let format;
let apollo;
let generated;
before(async () => {
  vite = await createServer({ root: resolve(import.meta.dirname, '..'), configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
  snippet = await vite.ssrLoadModule('/src/lib/snippet.ts');
  format = await vite.ssrLoadModule('/src/lib/format.ts');
  apollo = await vite.ssrLoadModule('/src/lib/apollo.ts');
  generated = await vite.ssrLoadModule('/src/gql/graphql.ts');
});
after(() => vite?.close());

test('a snippet becomes text and marked text; escaped markup stays text', () => {
  assert.deepEqual(snippet.parseSnippet('清徐县一批<mark>重点项目</mark>投产…'), [
    { text: '清徐县一批', marked: false },
    { text: '重点项目', marked: true },
    { text: '投产…', marked: false },
  ]);
  assert.deepEqual(snippet.parseSnippet('&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>a&quot;b</mark>'), [
    { text: '<script>alert(1)</script> & ', marked: false },
    { text: 'a"b', marked: true },
  ]);
});

test('a tag other than <mark> is never an element: it is shown as the text it is', () => {
  const parts = snippet.parseSnippet('<b>x</b><mark><img src=x onerror=alert(1)></mark>');
  assert.deepEqual(parts, [
    { text: '<b>x</b>', marked: false },
    { text: '<img src=x onerror=alert(1)>', marked: true },
  ]);
  // An unknown entity is left as written rather than guessed at.
  assert.deepEqual(snippet.parseSnippet('&nbsp;&#60;'), [{ text: '&nbsp;&#60;', marked: false }]);
});

test('dates as the paper prints them, with no time zone involved', () => {
  assert.equal(format.formatDate('2021-07-29'), '2021年7月29日');
  assert.equal(format.formatDate('2021-01-01'), '2021年1月1日');
  assert.equal(format.formatDate(null), '日期不详');
  assert.equal(format.formatMonth('2021-07'), '2021年7月');
  assert.deepEqual(format.monthRange('2021-12'), { gte: '2021-12-01', lt: '2022-01-01' });
  assert.deepEqual(format.monthRange('2021-07'), { gte: '2021-07-01', lt: '2021-08-01' });
});

test('money in 亿元 and 万元, areas in 万平方米, figures with their qualifier', () => {
  assert.equal(format.formatMoney(5200000000), '52亿元');
  assert.equal(format.formatMoney(4840000000), '48.4亿元');
  assert.equal(format.formatMoney(100000000), '1亿元');
  assert.equal(format.formatMoney(35000000), '3500万元');
  assert.equal(format.formatMoney(9999), '9999元');
  assert.equal(format.formatArea(598000), '59.8万平方米');
  assert.equal(format.formatArea(800), '800平方米');
  assert.equal(format.formatFigure(5200000000, 'CNY', 'APPROXIMATELY'), '约52亿元');
  assert.equal(format.formatFigure(700000000, 'CNY', 'AT_LEAST'), '7亿元以上');
  assert.equal(format.formatFigure(18, 'month', 'EXACT'), '18个月');
  assert.equal(format.formatFigure(3, '台'), '3台');
});

test('each operation is sent by the hash of the text it would send: a server without the trusted folder can register it', () => {
  const operations = Object.entries(generated).filter(([name, value]) => name.endsWith('Document') && value?.kind === 'Document');
  assert.ok(operations.length >= 5, `operations found: ${operations.map(([name]) => name)}`);
  for (const [name, document] of operations) {
    const hash = apollo.persistedHash(document);
    assert.match(hash, /^[0-9a-f]{64}$/, name);
    assert.equal(createHash('sha256').update(apollo.persistedText(document), 'utf8').digest('hex'), hash, name);
  }
  assert.throws(() => apollo.persistedHash({ kind: 'Document', definitions: [] }), /no persisted hash/);
});
