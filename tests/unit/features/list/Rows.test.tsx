import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { NO_FILTER, toEntry } from '../../../../src/core/list-model';
import { MAX_ROWS, Rows } from '../../../../src/features/list/Rows';
import { article, day } from '../../helpers';

afterEach(() => cleanup());

const many = (n: number) => Array.from({ length: n }, (_, i) => toEntry(article({ id: `n${i}`, title: `Story ${i}`, published: day(n - i) })));
const noop = () => {};

function renderRows(n: number) {
  return render(<Rows entries={many(n)} filter={NO_FILTER} busy={false} restore={undefined} complete onOpen={noop} onTag={noop} />);
}

describe('Rows', () => {
  test(`a list of up to ${MAX_ROWS} rows is rendered whole, with its position in the set`, () => {
    renderRows(MAX_ROWS);
    const items = within(screen.getByRole('list', { name: 'Articles' })).getAllByRole('listitem');
    expect(items).toHaveLength(MAX_ROWS);
    expect(items[41]!.getAttribute('aria-posinset')).toBe('42');
    expect(items[41]!.getAttribute('aria-setsize')).toBe(String(MAX_ROWS));
  });

  test('a larger list is windowed: at most MAX_ROWS rows in the DOM, each still a link named by its title', () => {
    const { container } = renderRows(10_000);
    const list = screen.getByRole('list', { name: 'Articles' });
    const rows = list.querySelectorAll(':scope > li');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Story 0' })).toBeTruthy();
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('10000');
    // The padding below stands in for the rows not rendered.
    expect(parseFloat(list.style.paddingBottom)).toBeGreaterThan(100_000);
    expect(container.querySelectorAll('li.row').length).toBe(rows.length);
  });

  test('busy results are marked aria-busy on the list', () => {
    render(<Rows entries={many(3)} filter={NO_FILTER} busy restore={undefined} complete onOpen={noop} onTag={noop} />);
    expect(screen.getByRole('list', { name: 'Articles' }).getAttribute('aria-busy')).toBe('true');
  });
});
