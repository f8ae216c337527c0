/**
 * Which speech voices may read an article aloud, pure: only voices on the device
 * (`localService === true`, so reading works with no network and the text never leaves the
 * phone) whose language fits the article's. A voice fits when its language shares at least the
 * primary subtag; the closer fits come first ("pt-BR" wants pt-BR, then pt, then pt-PT).
 */

/** What is read of a `SpeechSynthesisVoice`. */
export interface VoiceInfo {
  name: string;
  lang: string;
  voiceURI: string;
  localService: boolean;
  default?: boolean;
}

/** A language tag in one spelling: "pt_BR" (Android) and "PT-br" both become "pt-br". */
const normalizeLang = (tag: string): string => tag.trim().replace(/_/g, '-').toLowerCase();

/** The primary language subtag: "pt-BR" → "pt". */
export const primaryLang = (tag: string): string => normalizeLang(tag).split('-')[0] ?? '';

/** How many leading subtags two tags share (0: different languages). */
function closeness(want: string[], have: string[]): number {
  let n = 0;
  while (n < want.length && n < have.length && want[n] === have[n]) n++;
  return n;
}

/**
 * The on-device voices for language `lang`, the best fits first (then the device's default, then
 * by name). Network voices are never offered, whatever their language.
 */
export function offlineVoices<V extends VoiceInfo>(voices: readonly V[], lang: string): V[] {
  const want = normalizeLang(lang).split('-');
  if (!want[0]) return [];
  return voices
    .map((v, i) => ({ v, i, fit: v.localService ? closeness(want, normalizeLang(v.lang).split('-')) : 0 }))
    .filter((x) => x.fit > 0)
    .sort((a, b) => b.fit - a.fit || Number(!!b.v.default) - Number(!!a.v.default) || a.i - b.i)
    .map((x) => x.v);
}

/** The voice to use: the one the reader chose for this language if it is still offered, else the best fit. */
export function chooseVoice<V extends VoiceInfo>(offered: readonly V[], remembered: string | undefined): V | undefined {
  return offered.find((v) => v.voiceURI === remembered) ?? offered[0];
}

/** Reading speeds offered, as rates of `SpeechSynthesisUtterance`. */
export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** The reader's read-aloud preferences, as stored (validated on read like the settings). */
export interface ListenPrefs {
  /** One of `RATES`. */
  rate: number;
  /** The chosen voice (`voiceURI`) per primary language. */
  voices: Record<string, string>;
  /** At the end of an article, go on with the next one in the list. Off by default. */
  continueNext: boolean;
}

const DEFAULT_LISTEN: ListenPrefs = { rate: 1, voices: {}, continueNext: false };

export function parseListenPrefs(v: unknown): ListenPrefs {
  const o = v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  const rate = Number(o.rate);
  const voices: Record<string, string> = {};
  if (o.voices && typeof o.voices === 'object') {
    for (const [lang, uri] of Object.entries(o.voices as Record<string, unknown>)) {
      if (typeof uri === 'string' && /^[a-z]{2,3}$/.test(lang)) voices[lang] = uri;
    }
  }
  return {
    rate: (RATES as readonly number[]).includes(rate) ? rate : DEFAULT_LISTEN.rate,
    voices,
    continueNext: o.continueNext === true,
  };
}
