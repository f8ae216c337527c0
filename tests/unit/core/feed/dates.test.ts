import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseDate } from '../../../../src/core/feed/dates';

describe('parseDate: RFC 3339 and its lenient cousins', () => {
  test.each([
    ['2018-01-06T08:00:00Z', Date.UTC(2018, 0, 6, 8, 0, 0)],
    ['2018-01-06t08:00:00z', Date.UTC(2018, 0, 6, 8, 0, 0)],
    ['2018-01-06T08:00:00+00:00', Date.UTC(2018, 0, 6, 8, 0, 0)],
    ['2018-01-06 08:00:00', Date.UTC(2018, 0, 6, 8, 0, 0)],
    ['  2018-01-06T08:00:00Z\n', Date.UTC(2018, 0, 6, 8, 0, 0)],
  ])('%j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  test('no seconds and no zone (2018-01-06T08:00) is read as UTC', () => {
    expect(parseDate('2018-01-06T08:00')).toBe(Date.UTC(2018, 0, 6, 8, 0));
    expect(parseDate('2017-04-04T07:00')).toBe(Date.UTC(2017, 3, 4, 7, 0));
  });

  test.each([
    ['2025-03-29T17:45:00+01:00', Date.UTC(2025, 2, 29, 16, 45)],
    ['2025-03-30T08:10:00+02:00', Date.UTC(2025, 2, 30, 6, 10)],
    ['2017-12-20T09:00:00-05:00', Date.UTC(2017, 11, 20, 14, 0)],
    ['2020-06-01T12:00:00+0530', Date.UTC(2020, 5, 1, 6, 30)],
    ['2020-06-01T12:00:00-0930', Date.UTC(2020, 5, 1, 21, 30)],
    ['2020-06-01T12:00:00+01', Date.UTC(2020, 5, 1, 11, 0)],
    ['2020-06-01T00:30:00+01:00', Date.UTC(2020, 4, 31, 23, 30)],
    ['2020-06-01 12:00 UTC', Date.UTC(2020, 5, 1, 12, 0)],
    ['2020-06-01 12:00:00 GMT', Date.UTC(2020, 5, 1, 12, 0)],
    ['2020-06-01T12:00:00 +02:00', Date.UTC(2020, 5, 1, 10, 0)],
  ])('offset %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  test.each([
    ['2018-01-06', Date.UTC(2018, 0, 6)],
    ['2018-1-6', Date.UTC(2018, 0, 6)],
    ['2020-02-29', Date.UTC(2020, 1, 29)],
    ['2000-02-29', Date.UTC(2000, 1, 29)],
    ['2018-01-06T8:05', Date.UTC(2018, 0, 6, 8, 5)],
  ])('date-only and short forms %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  test.each([
    ['2018-01-06T08:00:00.5Z', Date.UTC(2018, 0, 6, 8, 0, 0, 500)],
    ['2018-01-06T08:00:00.123Z', Date.UTC(2018, 0, 6, 8, 0, 0, 123)],
    ['2018-01-06T08:00:00.123456789Z', Date.UTC(2018, 0, 6, 8, 0, 0, 123)],
    ['2018-01-06T08:00:00,25Z', Date.UTC(2018, 0, 6, 8, 0, 0, 250)],
    ['2018-01-06T08:00:00.9996Z', Date.UTC(2018, 0, 6, 8, 0, 1, 0)],
    ['2018-01-06T08:00:00.250+01:00', Date.UTC(2018, 0, 6, 7, 0, 0, 250)],
  ])('fractional seconds %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  test('a leap second is clamped to :59 and 24:00 is the next midnight', () => {
    expect(parseDate('2016-12-31T23:59:60Z')).toBe(Date.UTC(2016, 11, 31, 23, 59, 59));
    expect(parseDate('2018-01-06T24:00')).toBe(Date.UTC(2018, 0, 7, 0, 0));
  });

  test.each([
    ['Sat, 06 Jan 2018 08:00:00 +0000', Date.UTC(2018, 0, 6, 8, 0)],
    ['Sat, 06 Jan 2018 09:00:00 +0100', Date.UTC(2018, 0, 6, 8, 0)],
    ['Sat, 06 Jan 2018 08:00:00 GMT', Date.UTC(2018, 0, 6, 8, 0)],
    ['06 Jan 2018 03:00:00 -0500', Date.UTC(2018, 0, 6, 8, 0)],
    ['Tue, 13 Feb 2018 21:03:12 +0000', Date.UTC(2018, 1, 13, 21, 3, 12)],
  ])('RFC 2822 %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe('parseDate: what is refused', () => {
  test.each([
    [''],
    ['   '],
    ['yesterday'],
    ['not a date'],
    ['Jan 6 08:00'],
    ['06/01/18'],
    ['hello world 2018 x'],
    ['2018-13-01'],
    ['2018-00-10'],
    ['2018-01-00'],
    ['2018-01-32'],
    ['2018-02-30'],
    ['2019-02-29'],
    ['1900-02-29'],
    ['2018-04-31'],
    ['2018-01-06T25:00'],
    ['2018-01-06T08:60'],
    ['2018-01-06T08:00:61'],
    ['0999-01-01'],
    ['10000-01-01'],
    ['Sat, 06 Jan 0999 08:00:00 GMT'],
    ['2018-01-06T08:00:00Z and then some trailing words that make it far too long'],
  ])('%j → undefined', (input) => {
    expect(parseDate(input)).toBeUndefined();
  });

  test.each([[1515225600000], [null], [undefined], [{}], [['2018-01-06']], [true], [new Date(0)]])(
    'non-string %j → undefined',
    (input) => {
      expect(parseDate(input)).toBeUndefined();
    },
  );

  test('strings longer than 64 characters are refused even if they start with a date', () => {
    const padded = `2018-01-06T08:00:00Z${' '.repeat(50)}x`;
    expect(padded.length).toBeGreaterThan(64);
    expect(parseDate(padded)).toBeUndefined();
  });

  test('years at the edges of the accepted range', () => {
    expect(parseDate('1000-01-01')).toBe(Date.UTC(1000, 0, 1));
    expect(parseDate('9999-12-31T23:59:59Z')).toBe(Date.UTC(9999, 11, 31, 23, 59, 59));
  });
});

describe('parseDate does not depend on the reader’s time zone', () => {
  const saved = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'America/New_York';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  test('zone-less ISO dates are UTC even when the process runs in New York', () => {
    // Precondition: the time-zone switch really took effect (EST is UTC−5 in January).
    expect(new Date(2018, 0, 6).getTimezoneOffset()).toBe(300);
    expect(parseDate('2018-01-06T08:00')).toBe(Date.UTC(2018, 0, 6, 8, 0));
    expect(parseDate('2018-01-06')).toBe(Date.UTC(2018, 0, 6));
    expect(parseDate('Sat, 06 Jan 2018 08:00:00 GMT')).toBe(Date.UTC(2018, 0, 6, 8, 0));
  });

  // Regression: a non-ISO date without a zone ("Sat, 06 Jan 2018 08:00:00") once went to
  // Date.parse as is and was read in the process's local time zone.
  test('zone-less RFC 2822-style dates are read as UTC too', () => {
    expect(new Date(2018, 0, 6).getTimezoneOffset()).toBe(300);
    expect(parseDate('Sat, 06 Jan 2018 08:00:00')).toBe(Date.UTC(2018, 0, 6, 8, 0));
    expect(parseDate('06 Jan 2018')).toBe(Date.UTC(2018, 0, 6));
  });
});
