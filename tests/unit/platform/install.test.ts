import { afterEach, describe, expect, test, vi } from 'vitest';
import { installState, isIos, isWebKit } from '../../../src/platform/install';

const UA = {
  iPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  iPhoneChrome:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/123.0.6312.52 Mobile/15E148 Safari/604.1',
  iPad: 'Mozilla/5.0 (iPad; CPU OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1',
  iPod: 'Mozilla/5.0 (iPod touch; CPU iPhone OS 12_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1',
  /** iPadOS 13+ in its default "desktop website" mode: indistinguishable from a Mac but for touch. */
  iPadOsDesktop: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  android: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
};

describe('isIos', () => {
  test.each([
    ['iPhone Safari', UA.iPhone, 5],
    ['iPhone Chrome', UA.iPhoneChrome, 5],
    ['iPad (iOS 12)', UA.iPad, 5],
    ['iPod touch', UA.iPod, 5],
    ['iPhone with touch points unknown', UA.iPhone, 0],
  ])('%s is iOS', (_name, ua, touch) => {
    expect(isIos(ua, touch)).toBe(true);
  });

  test('iPadOS with a desktop user agent and 5 touch points is iOS', () => {
    expect(isIos(UA.iPadOsDesktop, 5)).toBe(true);
  });

  test.each([
    ['Android phone', UA.android, 5],
    ['Android with no touch', UA.android, 0],
    ['Mac with 0 touch points', UA.mac, 0],
    ['Mac with 1 touch point', UA.mac, 1],
    ['Windows touch laptop', UA.windows, 10],
    ['empty user agent', '', 5],
  ])('%s is not iOS', (_name, ua, touch) => {
    expect(isIos(ua, touch)).toBe(false);
  });
});

describe('installState', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const displayMode = (standalone: boolean) =>
    vi.stubGlobal(
      'matchMedia',
      vi.fn((q: string) => ({ matches: standalone && q === '(display-mode: standalone)', media: q })),
    );

  test('running standalone counts as installed', () => {
    displayMode(true);
    expect(installState()).toBe('installed');
  });

  test('an iPhone browser tab with no install prompt gets the iOS instructions', () => {
    displayMode(false);
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(UA.iPhone);
    expect(installState()).toBe('ios');
  });

  test('a desktop browser with no install prompt cannot install', () => {
    displayMode(false);
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(UA.windows);
    expect(installState()).toBe('unavailable');
  });
});

describe('isWebKit', () => {
  test.each([
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1', 0, true],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1', 0, true],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15', 0, true],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15', 0, true],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36', 0, false],
    ['Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36', 5, false],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0', 0, false],
    ['Mozilla/5.0 (X11; Linux x64) AppleWebKit/537.36 (KHTML, like Gecko) HappyDOM/20.0.0', 0, false],
  ])('%s → %s', (ua, touch, want) => {
    expect(isWebKit(ua, touch)).toBe(want);
  });
});
