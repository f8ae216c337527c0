/**
 * Images on tap (the data saver): every image of a sanitized article body, while the body is still
 * in the sanitizer's inert document (where nothing loads), is swapped for a button naming it by
 * its alt text. Tapping the button puts the image back, and only then does the browser fetch it.
 */

/** Replaces each image (or its `<picture>`) in `fragment` by a button; returns how many. */
export function deferImages(fragment: DocumentFragment, label: (alt: string) => string): number {
  const images = Array.from(fragment.querySelectorAll('img'));
  for (const img of images) {
    const original = img.closest('picture') ?? img;
    const doc = original.ownerDocument;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'img-placeholder';
    const alt = (img.getAttribute('alt') ?? '').trim();
    const width = Number(img.getAttribute('width'));
    const height = Number(img.getAttribute('height'));
    button.textContent = label(alt);
    if (width > 0 && height > 0) {
      const size = doc.createElement('span');
      size.className = 'img-size';
      size.textContent = ` (${width} × ${height})`;
      button.append(size);
    }
    button.addEventListener(
      'click',
      () => {
        const shown = img;
        shown.setAttribute('tabindex', '-1');
        button.replaceWith(original);
        shown.focus({ preventScroll: true });
      },
      { once: true },
    );
    original.replaceWith(button);
  }
  return images.length;
}
