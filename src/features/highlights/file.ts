/**
 * Handing a Markdown export to the reader: through the system share sheet with the file where
 * the browser can share files (phones), else as a download.
 */
export type Delivered = 'shared' | 'downloaded' | 'cancelled';

export async function deliverMarkdown(name: string, text: string): Promise<Delivered> {
  const file = typeof File === 'function' ? new File([text], name, { type: 'text/markdown' }) : undefined;
  // Typed loosely: canShare is missing from many browsers.
  const nav = navigator as unknown as { canShare?: (data: ShareData) => boolean; share?: (data: ShareData) => Promise<void> };
  // Desktop browsers that can share files (the test browser) still download: a file is what a
  // desktop user expects, and a share sheet is for phones.
  const touch = matchMedia('(pointer: coarse)').matches;
  if (file && touch && nav.canShare?.({ files: [file] }) && typeof nav.share === 'function') {
    try {
      await nav.share({ files: [file], title: name });
      return 'shared';
    } catch (error) {
      if ((error as Error).name === 'AbortError') return 'cancelled';
      // Sharing failed for another reason: fall back to a download.
    }
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return 'downloaded';
}

/** A file name for an export: the scope, and the day. */
export function markdownName(scope: string, now: number): string {
  const slug = scope.toLowerCase().normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `broadsheet-highlights${slug ? `-${slug}` : ''}-${new Date(now).toISOString().slice(0, 10)}.md`;
}
