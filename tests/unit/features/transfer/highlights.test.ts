import { afterEach, describe, expect, test } from 'vitest';
import type { Highlight } from '../../../../src/core/highlights/highlight';
import { buildFile, readFile, toItem } from '../../../../src/core/transfer/format';
import type { DB } from '../../../../src/data/connection';
import { allHighlights, putHighlight } from '../../../../src/data/highlights';
import { applyImport } from '../../../../src/features/transfer/apply';
import { article, day, FEED_URL, freshStore } from '../../helpers';

const NOW = day(30);
const open: DB[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function hl(partial: Partial<Highlight> = {}): Highlight {
  return {
    id: 'h1',
    articleId: 'a1',
    title: 'Depot assembly',
    quote: { exact: 'safer buses', prefix: 'rota and ', suffix: '.' },
    position: { start: 10, end: 21 },
    rev: 'r1',
    colour: 'blue',
    note: 'Raise it on Friday',
    createdAt: day(1),
    updatedAt: day(2),
    ...partial,
  };
}

const file = (kind: 'backup' | 'handoff', highlights: Highlight[]) =>
  buildFile({ kind, title: 'T', items: [toItem(article({ id: 'a1', contentText: 'Drivers asked for safer buses.' }))], now: NOW, highlights });

describe('highlights in backup and hand-off files', () => {
  test.each(['backup', 'handoff'] as const)('a %s carries highlights under _broadsheet.highlights', (kind) => {
    const text = file(kind, [hl()]);
    expect((JSON.parse(text) as { _broadsheet: { highlights: unknown } })._broadsheet.highlights).toEqual([hl()]);
    const read = readFile(text, FEED_URL, NOW);
    expect(read.ok && read.plan.highlights).toEqual([hl()]);
  });

  test('malformed highlight records are skipped and counted, the rest imported', () => {
    const text = JSON.stringify({ ...JSON.parse(file('handoff', [hl()])), _broadsheet: { kind: 'handoff', format: 1, highlights: [hl(), { id: 'x' }, 'junk'] } });
    const read = readFile(text, FEED_URL, NOW);
    expect(read.ok && [read.plan.highlights.length, read.plan.badHighlights]).toEqual([1, 2]);
  });

  test('importing merges by id: never duplicated, a newer stored edit is kept, a newer file copy wins', async () => {
    const db = await freshStore();
    open.push(db);
    const read = readFile(file('backup', [hl(), hl({ id: 'h2', note: '' })]), FEED_URL, NOW);
    if (!read.ok) throw new Error('refused');
    const none = () => [];
    expect((await applyImport(db, read.plan, NOW, none)).highlights).toBe(2);
    expect((await applyImport(db, read.plan, NOW, none)).highlights).toBe(0);
    expect((await allHighlights(db)).length).toBe(2);
    // Edited here after the backup: the backup's older copy does not undo it.
    await putHighlight(db, hl({ note: 'edited here', updatedAt: day(5) }));
    await applyImport(db, read.plan, NOW, none);
    expect((await allHighlights(db)).find((h) => h.id === 'h1')?.note).toBe('edited here');
  });
});
