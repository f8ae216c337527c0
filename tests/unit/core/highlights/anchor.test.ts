import { describe, expect, test } from 'vitest';
import { anchor, describe as describeRange, CONTEXT } from '../../../../src/core/highlights/anchor';

const TEXT =
  'The assembly met at the depot on Tuesday. Drivers asked for a shorter rota and safer buses. ' +
  'The manager said the budget was fixed. The assembly voted to meet again on Friday. ' +
  'Everyone agreed: the budget was fixed last year, not forever.';

/** Selectors for the n-th (0-based) occurrence of `phrase`. */
function select(text: string, phrase: string, n = 0) {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`no ${phrase}`);
  return describeRange(text, at, at + phrase.length);
}

describe('describe', () => {
  test('keeps the quote, up to 32 characters of context on each side, and the position', () => {
    const { quote, position } = select(TEXT, 'shorter rota');
    expect(quote.exact).toBe('shorter rota');
    expect(quote.prefix).toBe(TEXT.slice(position.start - CONTEXT, position.start));
    expect(quote.suffix).toBe(TEXT.slice(position.end, position.end + CONTEXT));
    expect(TEXT.slice(position.start, position.end)).toBe('shorter rota');
  });

  test('context is cut at the ends of the text', () => {
    const { quote } = describeRange('Short text', 0, 5);
    expect(quote).toEqual({ exact: 'Short', prefix: '', suffix: ' text' });
  });
});

describe('anchor on unchanged text', () => {
  test('the position hint is used when it still holds', () => {
    const s = select(TEXT, 'safer buses');
    expect(anchor(TEXT, s.quote, s.position)).toEqual({ ...s.position, how: 'exact' });
  });

  test('repeated phrases: each occurrence comes back to its own place, by context', () => {
    const first = select(TEXT, 'the budget was fixed', 0);
    const second = select(TEXT, 'the budget was fixed', 1);
    expect(first.position.start).not.toBe(second.position.start);
    // Without the hint, the context alone decides.
    expect(anchor(TEXT, first.quote)?.start).toBe(first.position.start);
    expect(anchor(TEXT, second.quote)?.start).toBe(second.position.start);
  });

  test('repeated phrases with identical context: the position hint decides', () => {
    const text = 'la la la la la la la la';
    const third = describeRange(text, 6, 8);
    const moved = { start: third.position.start + 1, end: third.position.end + 1 };
    expect(anchor(text, { exact: 'la', prefix: '', suffix: '' }, moved)?.start).toBe(6);
  });

  test('an empty or blank quote anchors nowhere', () => {
    expect(anchor(TEXT, { exact: '  ', prefix: '', suffix: '' })).toBeNull();
  });
});

describe('re-anchoring after the article changed', () => {
  test('text inserted before the quote: found exactly at its new place', () => {
    const s = select(TEXT, 'safer buses');
    const edited = `Update: the meeting moved. ${TEXT}`;
    const found = anchor(edited, s.quote, s.position);
    expect(found?.how).toBe('exact');
    expect(edited.slice(found!.start, found!.end)).toBe('safer buses');
  });

  test('a repeated phrase keeps its own occurrence after an edit earlier in the text', () => {
    const s = select(TEXT, 'the budget was fixed', 1);
    const edited = TEXT.replace('The assembly met', 'On a cold morning, the assembly met');
    const found = anchor(edited, s.quote, s.position)!;
    expect(found.start).toBe(edited.lastIndexOf('the budget was fixed'));
  });

  test('whitespace and line breaks re-flowed: found, fuzzy', () => {
    const s = select(TEXT, 'Drivers asked for a shorter rota');
    const edited = TEXT.replace('Drivers asked for a shorter rota', 'Drivers  asked\nfor a\u00a0shorter rota');
    const found = anchor(edited, s.quote, s.position)!;
    expect(found.how).toBe('fuzzy');
    expect(edited.slice(found.start, found.end)).toBe('Drivers  asked\nfor a\u00a0shorter rota');
  });

  test('diacritics and case differ: found', () => {
    const text = 'La asamblea votó una huelga. Los conductores pidieron más seguridad.';
    const quote = { exact: 'los conductores pidieron mas seguridad', prefix: 'huelga. ', suffix: '' };
    const found = anchor(text, quote)!;
    expect(found.how).toBe('fuzzy');
    expect(text.slice(found.start, found.end)).toBe('Los conductores pidieron más seguridad');
  });

  test('the other way round: accents added by the publisher', () => {
    const s = describeRange('Educacion publica para todos', 0, 18);
    const found = anchor('Educación pública para todos', s.quote, s.position)!;
    expect('Educación pública para todos'.slice(found.start, found.end)).toBe('Educación pública');
  });

  test('a few words edited inside the quote: found approximately', () => {
    const s = select(TEXT, 'Drivers asked for a shorter rota and safer buses.');
    const edited = TEXT.replace('Drivers asked for a shorter rota and safer buses.', 'Drivers asked for shorter rotas and safer buses.');
    const found = anchor(edited, s.quote, s.position)!;
    expect(found.how).toBe('fuzzy');
    expect(edited.slice(found.start, found.end)).toContain('shorter rotas and safer buses');
    expect(edited.slice(found.start, found.end).startsWith('Drivers')).toBe(true);
  });

  test('a long quote with edits near both ends is found by its head and tail', () => {
    const long = 'The manager said the budget was fixed. The assembly voted to meet again on Friday. Everyone agreed';
    const s = select(TEXT, long);
    expect(long.length).toBeGreaterThan(96);
    const edited = TEXT.replace('The manager said', 'The managers said').replace('Everyone agreed', 'Everybody agreed');
    const found = anchor(edited, s.quote, s.position)!;
    expect(found.how).toBe('fuzzy');
    const got = edited.slice(found.start, found.end);
    expect(got).toContain('The managers said');
    expect(got).toContain('meet again on Friday');
  });

  test('a quote rewritten beyond recognition is not found', () => {
    const s = select(TEXT, 'Drivers asked for a shorter rota');
    const edited = TEXT.replace('Drivers asked for a shorter rota', 'Staff want fewer night shifts now');
    expect(anchor(edited, s.quote, s.position)).toBeNull();
  });

  test('a removed paragraph is not found', () => {
    const s = select(TEXT, 'The assembly voted to meet again on Friday.');
    const edited = TEXT.replace('The assembly voted to meet again on Friday. ', '');
    expect(anchor(edited, s.quote, s.position)).toBeNull();
  });
});

describe('right-to-left and other scripts', () => {
  test('Arabic: exact, then after an edit before it', () => {
    const text = 'اجتمع العمال في المصنع. طالبوا بأجور أعلى وساعات أقل. وافقت الإدارة على التفاوض.';
    const s = select(text, 'طالبوا بأجور أعلى');
    expect(anchor(text, s.quote, s.position)).toEqual({ ...s.position, how: 'exact' });
    const edited = `عاجل: ${text}`;
    const found = anchor(edited, s.quote, s.position)!;
    expect(edited.slice(found.start, found.end)).toBe('طالبوا بأجور أعلى');
  });

  test('Hebrew with niqqud dropped by an edit: found by folding', () => {
    const text = 'הַפּוֹעֲלִים הִתְאַסְּפוּ בַּבֹּקֶר';
    const s = describeRange(text, 0, text.indexOf(' '));
    const edited = 'הפועלים התאספו בבוקר';
    const found = anchor(edited, s.quote, s.position)!;
    expect(edited.slice(found.start, found.end)).toBe('הפועלים');
  });

  test('Ukrainian with different apostrophes', () => {
    const text = 'Мова про здоров’я працівників.';
    const s = select(text, 'здоров’я працівників');
    const edited = 'Мова про здоровʼя працівників.';
    const found = anchor(edited, s.quote, s.position)!;
    expect(edited.slice(found.start, found.end)).toBe('здоровʼя працівників');
  });

  test('astral characters (emoji) keep offsets in code units', () => {
    const text = '✊🏽 Strike today 📣 at noon';
    const s = select(text, 'at noon');
    const edited = `🔥 ${text}`;
    const found = anchor(edited, s.quote, s.position)!;
    expect(edited.slice(found.start, found.end)).toBe('at noon');
  });
});
