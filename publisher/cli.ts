/**
 * `npm run index -- <source>... --out <dir> [--title T] [--site-url URL] [--page-kb N]`
 *
 * Reads every source, merges their articles into the archive already in `<dir>`, and rewrites
 * only the files that change. Exit codes: 0 done (or nothing to do), 1 a source or the archive
 * was refused (nothing in `<dir>` changed), 2 wrong arguments.
 */
import { parseArgs } from 'node:util';
import { type Archive, layout, merge, PAGE_BYTES, readArchive, writeArchive } from './archive';
import { better, type Entry, type FeedMeta, InputError, type SourceResult } from './model';
import { readSource } from './sources';

const USAGE = `Usage: npm run index -- <source>... --out <dir> [options]

Sources (one or more): an RSS 2.0/0.9x, Atom 1.0 or JSON Feed file or http(s) URL, a WordPress
posts response (/wp-json/wp/v2/posts saved as JSON), or a folder of Markdown files.

Options:
  --out <dir>        where the archive is written and merged (required)
  --title <text>     the archive's title (default: the first source's, else the archive's)
  --site-url <url>   base URL of a Markdown folder's pages (their links and ids)
  --page-kb <n>      size of an index page in KB (default ${PAGE_BYTES / 1000})
  --quiet            print only errors
`;

export interface CliIo {
  log: (line: string) => void;
  error: (line: string) => void;
  fetch?: typeof fetch;
}

const defaultIo: CliIo = { log: (l) => console.log(l), error: (l) => console.error(l) };

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        title: { type: 'string' },
        'site-url': { type: 'string' },
        'page-kb': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.error(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.log(USAGE);
    return 0;
  }
  if (!values.out || !positionals.length) {
    io.error(`${!values.out ? 'Missing --out <dir>.' : 'No source given.'}\n\n${USAGE}`);
    return 2;
  }
  const pageKb = values['page-kb'] === undefined ? PAGE_BYTES / 1000 : Number(values['page-kb']);
  if (!Number.isFinite(pageKb) || pageKb < 1) {
    io.error(`--page-kb must be a number of kilobytes (1 or more), not ${values['page-kb'] ?? ''}`);
    return 2;
  }
  const siteUrl = values['site-url'];
  if (siteUrl !== undefined && !/^https?:\/\/\S+$/i.test(siteUrl)) {
    io.error(`--site-url must be an http(s) URL, not ${siteUrl}`);
    return 2;
  }
  const say = values.quiet ? () => undefined : io.log;

  try {
    // 1. Read everything first: one bad source stops the run before anything is written.
    const results: SourceResult[] = [];
    for (const source of positionals) results.push(await readSource(source, { ...(siteUrl ? { siteUrl } : {}), ...(io.fetch ? { fetch: io.fetch } : {}) }));
    const archive = await readArchive(values.out);

    // 2. Merge: one copy per id across sources, then into the archive.
    const byId = new Map<string, Entry>();
    let crossDuplicates = 0;
    for (const r of results) {
      for (const e of r.entries) {
        const seen = byId.get(e.id);
        if (seen) crossDuplicates++;
        byId.set(e.id, seen ? better(seen, e) : e);
      }
    }
    archive.meta = pickMeta(archive, results, values.title);
    const counts = merge(archive, [...byId.values()]);

    // 3. Lay out and write only what changed.
    const { files, totals, pages } = layout(archive, pageKb * 1000);
    const written = await writeArchive(values.out, files);

    // 4. Report.
    for (const r of results) say(`${r.source}: ${r.kind}, ${r.entries.length} item${r.entries.length === 1 ? '' : 's'}`);
    say(`Items read ${counts.read}: added ${counts.added}, updated ${counts.updated}, unchanged ${counts.unchanged}${counts.older ? `, older than the archive's copy ${counts.older} (ignored)` : ''}; kept from earlier runs ${counts.kept}.`);
    const pageFiles = written.written.filter((p) => !p.startsWith('bodies/')).length;
    const bodyFiles = written.written.length - pageFiles;
    say(
      written.written.length || written.removed.length
        ? `Wrote ${pageFiles} page${pageFiles === 1 ? '' : 's'} and ${bodyFiles} bod${bodyFiles === 1 ? 'y' : 'ies'} (${kb(written.bytesWritten)}); ${written.unchanged} file${written.unchanged === 1 ? '' : 's'} unchanged${written.removed.length ? `; removed ${written.removed.length}` : ''}.`
        : `Nothing changed: no file in ${values.out} was touched.`,
    );
    say(`Archive: ${totals.articles} articles in ${pages} page${pages === 1 ? '' : 's'}; index ${kb(totals.index_bytes)}, bodies ${kb(totals.body_bytes)}, ${totals.images} image${totals.images === 1 ? '' : 's'}.`);
    const notes = results.flatMap((r) => r.notes.map((n) => `  ${r.source}: ${n}`));
    if (crossDuplicates) notes.push(`  ${crossDuplicates} item${crossDuplicates === 1 ? '' : 's'} found in more than one source: kept the newest copy`);
    if (notes.length) say(`Skipped or repaired:\n${notes.join('\n')}`);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.error(`Error: ${e.message}\nNothing in ${values.out} was changed.`);
      return 1;
    }
    throw e;
  }
}

function pickMeta(archive: Archive, results: SourceResult[], title: string | undefined): FeedMeta {
  const meta: FeedMeta = { ...archive.meta };
  // The first source that names itself wins over what the archive said.
  const named = results.find((r) => r.meta.title) ?? results.find((r) => r.meta.homePageUrl);
  if (named) Object.assign(meta, named.meta);
  if (title?.trim()) meta.title = title.trim();
  return meta;
}

function kb(bytes: number): string {
  return bytes < 10_000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} KB`;
}
