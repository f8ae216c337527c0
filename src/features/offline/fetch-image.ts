/**
 * Downloading one image to keep. CORS first: its size is real and it can be decoded, so a 1×1
 * tracking pixel is recognised and not stored. A server that does not allow CORS still gets its
 * image kept as an opaque response, charged `OPAQUE_COST` (see budget.ts); an opaque image cannot
 * be decoded, so only its width/height attributes can unmask it as a pixel (the sanitizer does).
 */
import { isPixelSize } from '../../core/budget';
import { countBytes } from '../../platform/data-used';

export type Fetched =
  | { kind: 'image'; response: Response; bytes: number; opaque: boolean }
  | { kind: 'pixel' }
  | { kind: 'failed'; reason: 'http' | 'not-image' | 'too-large' | 'undecodable' };

/** The network is down: the run waits and resumes, it does not mark images as failed. */
export class NetworkDown extends Error {
  override name = 'NetworkDown';
}

/** No single image may be larger than this, whatever the budget. */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * Whether `signal` is aborted now. A call rather than `signal.aborted`, which TypeScript keeps
 * narrowed to `false` after a first check, across every await that follows.
 */
const aborted = (signal: AbortSignal): boolean => signal.aborted;

async function decodeSize(blob: Blob): Promise<{ width: number; height: number } | undefined> {
  if (typeof createImageBitmap !== 'function' || /svg/i.test(blob.type)) return undefined;
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

/**
 * When the page last said it may be left (`beforeunload`). Chromium cancels a page's requests as
 * a navigation (a reload) starts, before `pagehide` stops the run: a request failing just then is
 * most likely cancelled, neither refused by CORS nor cut by the network.
 */
let leaving = -Infinity;
if (typeof document !== 'undefined') addEventListener('beforeunload', () => (leaving = Date.now()));

/** How long after `beforeunload` a failed request waits for `pagehide` before it is looked into. */
const LEAVING_MS = 2000;

export async function fetchImage(url: string, signal: AbortSignal): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetch(url, { mode: 'cors', credentials: 'omit', signal });
  } catch (error) {
    if (aborted(signal)) throw error;
    // The page may be on its way out: give `pagehide` (which aborts the run) a moment to come.
    if (Date.now() - leaving < LEAVING_MS) await new Promise((resolve) => setTimeout(resolve, LEAVING_MS / 2));
    if (aborted(signal)) throw error;
    // CORS refused, or the network is down: a no-cors request tells the two apart.
    try {
      const opaque = await fetch(url, { mode: 'no-cors', credentials: 'omit', signal });
      if (opaque.type !== 'opaque' && !opaque.ok) return { kind: 'failed', reason: 'http' };
      return { kind: 'image', response: opaque, bytes: 0, opaque: opaque.type === 'opaque' };
    } catch (again) {
      if (aborted(signal)) throw again;
      throw new NetworkDown(String(again));
    }
  }
  if (!response.ok) return { kind: 'failed', reason: 'http' };
  const type = response.headers.get('content-type') ?? '';
  if (type && !/^image\//i.test(type)) return { kind: 'failed', reason: 'not-image' };
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_IMAGE_BYTES) return { kind: 'failed', reason: 'too-large' };
  const blob = await response.blob();
  countBytes(blob.size);
  if (blob.size > MAX_IMAGE_BYTES) return { kind: 'failed', reason: 'too-large' };
  try {
    const size = await decodeSize(blob);
    if (size && isPixelSize(size.width, size.height)) return { kind: 'pixel' };
  } catch {
    return { kind: 'failed', reason: 'undecodable' };
  }
  const headers = new Headers({ 'content-type': blob.type || type || 'application/octet-stream', 'content-length': String(blob.size) });
  return { kind: 'image', response: new Response(blob, { status: 200, headers }), bytes: blob.size, opaque: false };
}
