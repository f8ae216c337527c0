import { beforeEach, expect, test } from 'vitest';
import { storeBody } from '../../../src/data/bodies';
import type { DB } from '../../../src/data/connection';
import { putArticles } from '../../../src/data/write';
import { article, freshStore } from '../helpers';

let db: DB;
beforeEach(async () => {
  db = await freshStore();
  return () => db.close();
});

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

test('the word count is made once, when the article is written: from the body, else the summary', async () => {
  await putArticles(db, [article({ id: 'body', contentHtml: `<p>${words(500)}</p>`, summary: 'short' }), article({ id: 'summary', summary: words(40) })]);
  expect((await db.get('articles', 'body'))?.words).toBe(500);
  expect((await db.get('articles', 'summary'))?.words).toBe(40);
});

test('a row stored before word counts existed gets one at its next write, without a new change number', async () => {
  const a = article({ id: 'old', contentText: words(12) });
  await putArticles(db, [a]);
  const stored = await db.get('articles', 'old');
  if (!stored) throw new Error('not stored');
  delete stored.words;
  await db.put('articles', stored);
  const result = await putArticles(db, [a]);
  expect(result.unchanged).toBe(1);
  const after = await db.get('articles', 'old');
  expect(after?.words).toBe(12);
  expect(after?.seq).toBe(stored.seq);
});

test('a body fetched on demand sets the count, and the next sync of the same revision keeps it', async () => {
  const a = article({ id: 'remote', summary: 'two words', bodyUrl: 'https://example.org/b/remote.html' });
  await putArticles(db, [a]);
  expect((await db.get('articles', 'remote'))?.words).toBe(2);
  await storeBody(db, { id: 'remote', html: `<p>${words(300)}</p>` });
  expect((await db.get('articles', 'remote'))?.words).toBe(300);
  const result = await putArticles(db, [a]);
  expect(result.unchanged).toBe(1);
  expect((await db.get('articles', 'remote'))?.words).toBe(300);
});
