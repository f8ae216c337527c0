import { describe, expect, test } from 'vitest';
import { clip, decodeEntities, htmlToText, squash, titleFromText } from '../../../../src/core/feed/text';

/** True when `s` contains a lone (unpaired) surrogate code unit. */
const hasLoneSurrogate = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('decodeEntities', () => {
  test.each([
    ['&amp;', '&'],
    ['&lt;i&gt;', '<i>'],
    ['&quot;hi&quot;', '"hi"'],
    ['it&apos;s', "it's"],
    ['it&#39;s', "it's"],
    ['&#8216;Jokes&#8217;', '‘Jokes’'],
    ['&#x2019;', '’'],
    ['&#X2019;', '’'],
    ['&#x201c;lower hex&#x201D;', '“lower hex”'],
    ['&hellip;', '…'],
    ['&mdash;&ndash;', '—–'],
    ['&nbsp;', '\u00a0'],
    ['co&shy;operate', 'cooperate'],
    ['Jos&eacute; &Eacute;mile', 'José Émile'],
    ['Stra&szlig;e', 'Straße'],
    ['&copy; 2020 &euro;5', '© 2020 €5'],
    ['&#x1F600;', '😀'],
    ['&#128512;', '😀'],
    ['&#1114111;', '\u{10ffff}'],
  ])('%j → %j', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });

  test.each([
    ['&unknown;'],
    ['&amp'],
    ['AT&T'],
    ['a & b'],
    ['&;'],
    ['&#;'],
    ['&#x;'],
    ['&#12345678;'],
    ['&AMP;'],
  ])('%j is left alone', (input) => {
    expect(decodeEntities(input)).toBe(input);
  });

  test.each([
    ['&#0;'],
    ['&#x0;'],
    ['&#xD800;'],
    ['&#xDFFF;'],
    ['&#55296;'],
    ['&#x110000;'],
    ['&#1114112;'],
    ['&#9999999;'],
  ])('invalid code point %j becomes U+FFFD', (input) => {
    expect(decodeEntities(input)).toBe('\ufffd');
  });

  test('decodes in a single pass (no double decoding)', () => {
    expect(decodeEntities('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
  });

  test('text without an ampersand is returned unchanged', () => {
    const s = 'plain text, no references';
    expect(decodeEntities(s)).toBe(s);
  });

  test('mixed text keeps everything around the references', () => {
    expect(decodeEntities('Fish &amp; Chips &#8212; &bogus; &#x1F41F;!')).toBe('Fish & Chips — &bogus; 🐟!');
  });
});

describe('squash', () => {
  test.each([
    ['  a \n\t b  ', 'a b'],
    ['one\r\n\r\ntwo', 'one two'],
    ['non\u00a0breaking\u2009thin', 'non breaking thin'],
    ['', ''],
    [' \n ', ''],
    ['already clean', 'already clean'],
  ])('%j → %j', (input, expected) => {
    expect(squash(input)).toBe(expected);
  });
});

describe('htmlToText', () => {
  test('drops script and style elements with their contents', () => {
    expect(htmlToText('<p>Hi</p><script>var s = "<p>no</p>";</script><style>p { color: red }</style><p>there</p>')).toBe(
      'Hi there',
    );
  });

  test('matches the dropped elements case-insensitively', () => {
    expect(htmlToText('<SCRIPT type="text/javascript">alert(1)</script>ok<Style>x{}</STYLE>')).toBe('ok');
  });

  test.each([
    ['<noscript>Enable JS</noscript>visible', 'visible'],
    ['<template><p>tpl</p></template>visible', 'visible'],
    ['<svg viewBox="0 0 1 1"><title>icon</title><text>svg text</text></svg>visible', 'visible'],
    ['<iframe src="https://v.example/e">fallback</iframe>visible', 'visible'],
    ['<head><title>Doc</title></head>visible', 'visible'],
    ['<object data="x.swf">flash</object>visible', 'visible'],
    ['<math><mi>x</mi></math>visible', 'visible'],
  ])('drops %j', (input, expected) => {
    expect(htmlToText(input)).toBe(expected);
  });

  test('removes comments, doctypes and processing instructions', () => {
    expect(htmlToText('<!doctype html><?xml version="1.0"?>a<!-- <p>hidden</p> -->b')).toBe('a b');
  });

  test('block boundaries separate words, inline tags do not', () => {
    expect(htmlToText('<p>one</p><p>two</p><ul><li>three</li><li>four</li></ul>five<br>six<br/>seven<hr>eight')).toBe(
      'one two three four five six seven eight',
    );
    expect(htmlToText('un<b>believ</b><i>able</i> <a href="/x">link</a>')).toBe('unbelievable link');
    expect(htmlToText('<h2>Title</h2><table><tr><td>a</td><td>b</td></tr></table>')).toBe('Title a b');
  });

  test('decodes entities after stripping, so escaped markup stays as text', () => {
    expect(htmlToText('<p>Use &lt;b&gt; for &amp;quot;bold&amp;quot;</p>')).toBe('Use <b> for &quot;bold&quot;');
  });

  test('leaves a lone less-than sign that is not a tag', () => {
    expect(htmlToText('<p>a < b and 3 <4</p>')).toBe('a < b and 3 <4');
  });

  test('copes with an unclosed media tag and attributes', () => {
    expect(htmlToText('<audio src="https://cdn.example/a.mp3" controls="controls">Episode notes. Duration: 3:25')).toBe(
      'Episode notes. Duration: 3:25',
    );
    expect(htmlToText('<img src="/x.png" alt="a"><picture><source srcset="/a.webp 1x" sizes="undefined"></picture>')).toBe('');
  });

  test('squashes the white space of pre blocks and nbsp', () => {
    expect(htmlToText('<pre><code>let x = 1;\n\n    x += 1;</code></pre>&nbsp;&nbsp;end')).toBe('let x = 1; x += 1; end');
  });

  test('empty and tag-only input gives an empty string', () => {
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<div><br></div>')).toBe('');
  });
});

describe('clip', () => {
  test('text within the limit is returned unchanged', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('exactly10!', 10)).toBe('exactly10!');
  });

  test('cuts on the last word boundary when it is near the end', () => {
    expect(clip('The quick brown fox jumps over the lazy dog', 20)).toBe('The quick brown fox…');
  });

  test('cuts hard when there is no space in the last 40 %', () => {
    expect(clip('ab cdefghijklmnopqrstuvwxyz', 10)).toBe('ab cdefgh…');
    expect(clip('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
  });

  test('strips trailing punctuation and dashes before the ellipsis', () => {
    expect(clip('Apples, pears, plums, cherries and more', 22)).toBe('Apples, pears, plums…');
    expect(clip('Apples, pears, plums, cherries and more', 21)).toBe('Apples, pears…');
    expect(clip('Wait — there is more to say here', 7)).toBe('Wait…');
    expect(clip('end of sentence. Next one', 17)).toBe('end of sentence…');
  });

  test('the result is at most max characters, the ellipsis included', () => {
    const s = 'lorem ipsum dolor sit amet '.repeat(20);
    for (const max of [1, 5, 13, 50, 80, 279]) {
      expect(clip(s, max).length).toBeLessThanOrEqual(max);
    }
  });

  test('never splits a surrogate pair', () => {
    const s = `${'a'.repeat(9)}😀bcdef`;
    expect(clip(s, 10)).toBe(`${'a'.repeat(9)}…`);
    expect(clip(s, 11)).toBe(`${'a'.repeat(9)}…`);
    expect(clip(s, 12)).toBe(`${'a'.repeat(9)}😀…`);
    for (let max = 1; max < 20; max++) {
      expect(hasLoneSurrogate(clip('😀🎉🚲'.repeat(5), max))).toBe(false);
    }
  });

  test('works with Cyrillic text', () => {
    expect(clip('Горы и облака — день первый', 14)).toBe('Горы и облака…');
  });
});

describe('titleFromText', () => {
  test('takes the first sentence when it is at least 12 characters long', () => {
    expect(titleFromText('Bakery on the corner. The bread was warm.')).toBe('Bakery on the corner.');
    expect(titleFromText('What a view we had today! Went up early.')).toBe('What a view we had today!');
    expect(titleFromText('Is this the right path? Probably not.')).toBe('Is this the right path?');
    expect(titleFromText('Well, I was not expecting that… Anyway.')).toBe('Well, I was not expecting that…');
  });

  test('a too-short first sentence runs on to the next sentence end', () => {
    expect(titleFromText('Home again! Super happy to be back. Yes.')).toBe('Home again! Super happy to be back.');
  });

  test('a dot inside a number is not a sentence end', () => {
    expect(titleFromText('Version 1.2 of the script is out. Get it.')).toBe('Version 1.2 of the script is out.');
  });

  test('text without a sentence end is clipped to max', () => {
    expect(titleFromText('Short')).toBe('Short');
    const long = 'a long run of words without any full stop in it at all '.repeat(3).trim();
    const t = titleFromText(long);
    expect(t.length).toBeLessThanOrEqual(80);
    expect(t.endsWith('…')).toBe(true);
    expect(long.startsWith(t.slice(0, -1))).toBe(true);
  });

  test('a long first sentence is clipped to max too', () => {
    expect(titleFromText('This first sentence is far longer than the limit allows. Second.', 20)).toBe('This first sentence…');
  });

  test('emoji at the cut do not become broken glyphs', () => {
    const t = titleFromText('🚲'.repeat(50), 21);
    expect(hasLoneSurrogate(t)).toBe(false);
    expect(t).toBe(`${'🚲'.repeat(10)}…`);
  });
});
