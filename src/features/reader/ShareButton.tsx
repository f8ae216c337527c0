/**
 * `Share`: the system share sheet where there is one (Web Share API, title and URL), else the link
 * is copied to the clipboard, with a visible confirmation; if even that is refused, the link is
 * shown, selected, to copy by hand.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { tl } from '../../i18n/lazy';

export function ShareButton({ title, url }: { title: string; url: string }) {
  const [result, setResult] = useState<'' | 'copied' | 'manual'>('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (result === 'manual') field.current?.select();
    if (result !== 'copied') return;
    const timer = setTimeout(() => setResult(''), 6000);
    return () => clearTimeout(timer);
  }, [result]);

  const share = async () => {
    const data = { title, url };
    // Some browsers that can share cannot tell beforehand whether they can share this.
    if (typeof navigator.share === 'function' && (!(navigator as Partial<Navigator>).canShare || navigator.canShare(data))) {
      try {
        await navigator.share(data);
        return;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return; // the reader closed the sheet
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setResult('copied');
    } catch {
      setResult('manual');
    }
  };

  return (
    <>
      <button type="button" class="action" onClick={() => void share()}>
        <span aria-hidden="true">↗ </span>
        {tl().share}
      </button>
      <span class="share-result" aria-live="polite">
        {result === 'copied' && tl().linkCopied}
      </span>
      {result === 'manual' && (
        <label class="field share-manual">
          {tl().copyThisLink}
          <input ref={field} type="url" readOnly value={url} />
        </label>
      )}
    </>
  );
}
