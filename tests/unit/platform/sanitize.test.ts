// Must come first: makes DOMPurify sanitize under happy-dom (see the file).
import './dompurify-happy-dom';
import { describe, expect, test } from 'vitest';
import { sanitizeArticle } from '../../../src/platform/sanitize';

const BASE = 'https://news.example.org/2024/05/story.html';

/** Sanitizes `html` and returns a container holding the result, for querying. */
function clean(html: string, base = BASE): HTMLDivElement {
  const fragment = sanitizeArticle(html, base);
  expect(fragment.nodeType).toBe(Node.DOCUMENT_FRAGMENT_NODE);
  const div = document.createElement('div');
  div.append(fragment);
  return div;
}

const cleanHtml = (html: string, base = BASE): string => clean(html, base).innerHTML;

/** Every attribute name in the tree. */
function attributeNames(root: Element): string[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name));
}

describe('sanitizeArticle: dangerous content', () => {
  test('removes <script> with its content and keeps the text around it', () => {
    expect(cleanHtml('<p>Before</p><script>alert("x")</script><p>After</p>')).toBe('<p>Before</p><p>After</p>');
    expect(cleanHtml('<p>One <script src="https://evil.example/x.js"></script>two</p>')).toBe('<p>One two</p>');
  });

  test('removes every on* event handler', () => {
    const div = clean('<p onclick="steal()" onmouseover="steal()">Text</p><img src="a.png" onerror="steal()" onload="steal()"><a href="/x" onfocus="steal()">x</a>');
    expect(attributeNames(div).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(div.querySelector('p')?.textContent).toBe('Text');
    expect(div.querySelector('img')?.getAttribute('src')).toBe('https://news.example.org/2024/05/a.png');
  });

  test.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java&#x09;script:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
  ])('drops the href %j but keeps the link text', (href) => {
    const div = clean(`<p>See <a href="${href}">this link</a> now.</p>`);
    const a = div.querySelector('a');
    expect(a?.hasAttribute('href')).toBe(false);
    expect(a?.hasAttribute('target')).toBe(false);
    expect(div.textContent).toBe('See this link now.');
  });

  test.each([
    // (Payloads avoid URLs happy-dom would try to load while parsing, which only adds log noise.)
    ['iframe', '<iframe srcdoc="<p>evil</p>" onload="alert(1)"></iframe>'],
    ['object', '<object data="x.swf"></object>'],
    ['embed', '<embed src="x.swf">'],
    ['style', '<style>body { display: none }</style>'],
    ['link', '<link rel="preload" as="style" href="https://evil.example/x.css">'],
    ['base', '<base href="https://evil.example/">'],
    ['meta', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
    // (happy-dom's parser mishandles <script> inside <svg>, so the payload uses onload instead.)
    ['svg', '<svg onload="alert(1)"><circle r="5"></circle></svg>'],
    ['math', '<math><mi>x</mi></math>'],
    ['template', '<template><img src="x" onerror="alert(1)"></template>'],
    ['noscript', '<noscript><p>hi</p></noscript>'],
  ])('removes <%s>, keeping the safe text around it', (tag, payload) => {
    const div = clean(`<p>Safe before.</p>${payload}<p>Safe after.</p>`);
    expect(div.querySelector(tag)).toBeNull();
    expect(div.querySelectorAll('p')).toHaveLength(2);
    expect(div.querySelector('p')?.textContent).toBe('Safe before.');
    expect(div.querySelector('p:last-of-type')?.textContent).toBe('Safe after.');
    expect(div.innerHTML).not.toMatch(/evil|alert|display/);
  });

  test('removes forms and their controls, keeping their text', () => {
    const div = clean('<form action="https://evil.example/login" method="post"><label>Password <input type="password" name="pw"></label><button formaction="https://evil.example/">Log in</button><textarea>t</textarea><select><option>o</option></select></form>');
    for (const tag of ['form', 'input', 'button', 'textarea', 'select', 'option']) expect(div.querySelector(tag)).toBeNull();
    expect(div.textContent).toContain('Password');
    expect(div.textContent).toContain('Log in');
    expect(div.innerHTML).not.toContain('evil');
  });

  test('removes style, class, id and name attributes', () => {
    const div = clean('<p style="position:fixed;inset:0" class="overlay" id="main" name="x">Hello</p><img src="a.png" style="width:9999px">');
    expect(attributeNames(div).sort()).toEqual(['decoding', 'loading', 'src']);
    expect(div.querySelector('p')?.outerHTML).toBe('<p>Hello</p>');
  });
});

describe('sanitizeArticle: URLs', () => {
  test('resolves relative links against the article base URL', () => {
    const div = clean('<a href="../archive/">Archive</a><a href="/about">About</a><a href="next.html?p=2#top">Next</a><a href="//cdn.example.net/doc">CDN</a>');
    expect([...div.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://news.example.org/2024/archive/',
      'https://news.example.org/about',
      'https://news.example.org/2024/05/next.html?p=2#top',
      'https://cdn.example.net/doc',
    ]);
  });

  test('resolves relative src and every srcset candidate, keeping descriptors', () => {
    const img = clean('<img src="img/photo.jpg" srcset="img/photo-2x.jpg 2x, /img/photo-3x.jpg 3x" alt="A photo">').querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://news.example.org/2024/05/img/photo.jpg');
    expect(img?.getAttribute('srcset')).toBe('https://news.example.org/2024/05/img/photo-2x.jpg 2x, https://news.example.org/img/photo-3x.jpg 3x');
    expect(img?.getAttribute('alt')).toBe('A photo');
  });

  test('drops srcset candidates with non-http(s) schemes, and the attribute when none is left', () => {
    const kept = clean('<img src="a.png" srcset="ftp://files.example/a.png 1x, b.png 2x">').querySelector('img');
    expect(kept?.getAttribute('srcset')).toBe('https://news.example.org/2024/05/b.png 2x');
    const dropped = clean('<img src="a.png" srcset="ftp://files.example/a.png 1x">').querySelector('img');
    expect(dropped?.hasAttribute('srcset')).toBe(false);
    const script = clean('<img src="a.png" srcset="javascript:alert(1) 1x, b.png 2x">').querySelector('img');
    expect(script?.hasAttribute('srcset')).toBe(false);
  });

  test('resolves cite on quotes', () => {
    expect(clean('<blockquote cite="/quotes/1">Q</blockquote>').querySelector('blockquote')?.getAttribute('cite')).toBe('https://news.example.org/quotes/1');
  });

  test('uses the base URL of each call', () => {
    expect(clean('<a href="x">x</a>', 'https://a.example/dir/').querySelector('a')?.getAttribute('href')).toBe('https://a.example/dir/x');
    expect(clean('<a href="x">x</a>', 'https://b.example/other/').querySelector('a')?.getAttribute('href')).toBe('https://b.example/other/x');
  });

  test('links open in a new tab without an opener, replacing any target or rel from the feed', () => {
    const links = [...clean('<a href="https://example.com/" target="_self" rel="opener">a</a><a href="/b" target="_top">b</a>').querySelectorAll('a')];
    expect(links).toHaveLength(2);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  test('an <area href> gets the same target and rel as a link (issue 14)', () => {
    const area = clean('<map name="m"><area shape="rect" coords="0,0,10,10" href="https://example.com/x" target="_top" rel="opener" alt="X"></map>').querySelector('area');
    expect(area?.getAttribute('href')).toBe('https://example.com/x');
    expect(area?.getAttribute('target')).toBe('_blank');
    expect(area?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  test('keeps mailto: links', () => {
    const a = clean('<a href="mailto:editor@example.org?subject=Hi">Write</a>').querySelector('a');
    expect(a?.getAttribute('href')).toBe('mailto:editor@example.org?subject=Hi');
    expect(a?.getAttribute('target')).toBe('_blank');
  });

  test('drops link schemes other than http(s) and mailto', () => {
    expect(clean('<a href="tel:+123">t</a><a href="ftp://x.example/f">f</a>').querySelectorAll('a[href]')).toHaveLength(0);
  });

  test('keeps data:image/png (and jpeg, gif, webp) images', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const jpeg = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';
    const imgs = [...clean(`<img src="${png}"><img src="${jpeg}">`).querySelectorAll('img')];
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual([png, jpeg]);
  });

  test('removes data:text/html and data:image/svg+xml sources', () => {
    const imgs = [...clean('<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="><img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">').querySelectorAll('img')];
    expect(imgs).toHaveLength(2);
    for (const img of imgs) expect(img.hasAttribute('src')).toBe(false);
  });

  test('a data: URL is never allowed as a link target', () => {
    expect(clean('<a href="data:image/png;base64,AAAA">x</a>').querySelector('a')?.hasAttribute('href')).toBe(false);
  });

  test('media: src resolved, poster removed', () => {
    const video = clean('<video src="clip.mp4" poster="https://tracker.example/p.jpg" controls></video>').querySelector('video');
    expect(video?.getAttribute('src')).toBe('https://news.example.org/2024/05/clip.mp4');
    expect(video?.hasAttribute('poster')).toBe(false);
  });
});

describe('sanitizeArticle: structure', () => {
  test('an h1 in the content becomes an h2, keeping its content', () => {
    const div = clean('<h1>Big <em>news</em></h1><p>Body</p><h1>Second</h1><h2>Sub</h2>');
    expect(div.querySelector('h1')).toBeNull();
    expect([...div.querySelectorAll('h2')].map((h) => h.innerHTML)).toEqual(['Big <em>news</em>', 'Second', 'Sub']);
    expect(div.innerHTML).toBe('<h2>Big <em>news</em></h2><p>Body</p><h2>Second</h2><h2>Sub</h2>');
  });

  test('images load lazily and decode asynchronously', () => {
    const img = clean('<img src="a.png" alt="">').querySelector('img');
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.getAttribute('decoding')).toBe('async');
  });

  test('keeps ordinary article markup as it is', () => {
    const html = '<p>A <strong>bold</strong> and <em>subtle</em> claim.</p><ul><li>one</li><li>two</li></ul><blockquote><p>Quote</p></blockquote><pre><code>x &lt; y</code></pre><table><tbody><tr><td>1</td></tr></tbody></table>';
    expect(cleanHtml(html)).toBe(html);
  });

  test('plain text stays text', () => {
    expect(cleanHtml('Just words &amp; symbols &lt;b&gt;')).toBe('Just words &amp; symbols &lt;b&gt;');
  });
});
