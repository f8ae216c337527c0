/**
 * The transfer panel, rendered over a real (fake-indexeddb) store: the export choices, an export
 * with nothing in it, and an import that changes nothing until the reader presses Import.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { emptyState } from '../../../../src/core/reading';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings';
import { getArticle } from '../../../../src/data/articles';
import { deleteArticles } from '../../../../src/data/clear';
import { openStore } from '../../../../src/data/connection';
import { putState } from '../../../../src/data/state';
import { putArticles } from '../../../../src/data/write';
import { exportFile } from '../../../../src/features/transfer/export';
import { TransferPanel } from '../../../../src/features/transfer/TransferPanel';
import { enLazy } from '../../../../src/i18n/en/lazy';
import { article } from '../../helpers';

afterEach(() => cleanup());

const panel = (tags: string[] = []) => render(<TransferPanel settings={DEFAULT_SETTINGS} onSettings={vi.fn()} tags={tags} />);

describe('the transfer panel', () => {
  test('offers a backup first, then saved, kept and one choice per tag', () => {
    panel(['Strikes', 'Housing']);
    const select = screen.getByLabelText<HTMLSelectElement>(enLazy.exportWhat);
    expect(select.value).toBe('backup');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      enLazy.exportBackup,
      enLazy.exportSaved,
      enLazy.exportKept,
      enLazy.exportTag('Strikes'),
      enLazy.exportTag('Housing'),
    ]);
  });

  test('exporting saved articles when none is saved says so, and makes no file', async () => {
    const download = vi.spyOn(URL, 'createObjectURL');
    panel();
    fireEvent.change(screen.getByLabelText(enLazy.exportWhat), { target: { value: 'saved' } });
    fireEvent.click(screen.getByRole('button', { name: enLazy.exportButton }));
    expect(await screen.findByText(enLazy.exportNothing)).toBeTruthy();
    expect(download).not.toHaveBeenCalled();
  });

  test('a chosen file is only previewed; Import stores its article, Cancel would have left the store alone', async () => {
    // A hand-off file from "another phone": this store with one saved article, exported, then forgotten here.
    const db = await openStore();
    const travelling = article({ id: 'travels', title: 'Dockers vote to strike', contentHtml: '<p>The whole text.</p>' });
    await putArticles(db, [travelling]);
    await putState(db, { ...emptyState('travels'), saved: true, updatedAt: Date.now() });
    const file = await exportFile(db, { kind: 'saved' }, { settings: DEFAULT_SETTINGS, now: Date.now(), title: 'Test' });
    expect(file.articles).toBe(1);
    await deleteArticles(db, ['travels'], { withState: true });
    expect(await getArticle(db, 'travels')).toBeUndefined();

    const { container } = panel();
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    fireEvent.change(input, { target: { files: [new File([file.text], file.name, { type: 'application/json' })] } });
    expect(await screen.findByRole('heading', { name: enLazy.consentTitle })).toBeTruthy();
    expect(await getArticle(db, 'travels')).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: enLazy.importButton }));
    await waitFor(async () => expect((await getArticle(db, 'travels'))?.title).toBe('Dockers vote to strike'));
    expect(await screen.findByText(/^Imported: 1 new article/)).toBeTruthy();
    db.close();
  });
});
