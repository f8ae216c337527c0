/**
 * Read aloud, loaded lazily by the reading view: `Listen` / `Pause` / `Resume`, the previous and
 * next sentence, the speed, the voice (only on-device voices of the article's language), and
 * "continue with the next article". The sentence being spoken is wrapped in `data-speaking` and
 * kept in view unless the reader scrolled away; it is not a live region, so screen readers are
 * not interrupted. Where to resume is kept in the article's reading state.
 */
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Article } from '../../core/feed/types';
import { withListenAt, type ReadingState, type StateUpdate } from '../../core/reading';
import { chooseVoice, offlineVoices, primaryLang, RATES, type ListenPrefs } from '../../core/voices';
import { locale } from '../../i18n';
import { num } from '../../i18n/format';
import { tl } from '../../i18n/lazy';
import type { ListRows } from '../reader/ArticleView';
import { articleHref } from '../../core/routes';
import { BASE, historyState, navigate } from '../../ui/navigation';
import { loadListenPrefs, saveListenPrefs } from './prefs';
import { ReadAloud } from './read-aloud';
import { clearHighlight, collectSentences, highlight, type Sentence } from './text';

export interface ListenProps {
  article: Article;
  /** The reading view's `<article>`: its heading and body are what is read. */
  root: RefObject<HTMLElement | null>;
  state: ReadingState | undefined;
  onState: StateUpdate | undefined;
  /** The feed's title: the "artist" on the lock screen. */
  feedTitle: string;
  /** The list's rows, for "continue with the next article". */
  listRows: { readonly current: ListRows } | undefined;
}

/**
 * The article after `id` in the list it was opened from (its filter and order); opened from a
 * link, in the whole list, newest first.
 */
function nextIn({ shown, all }: ListRows, id: string): string | undefined {
  const rows = shown.some((e) => e.id === id) ? shown : (all ?? []);
  const at = rows.findIndex((e) => e.id === id);
  return at < 0 ? undefined : rows[at + 1]?.id;
}

/** The article "continue with the next article" opened: it starts speaking once it is shown. */
let autoplay: string | undefined;

const synthesis = (): SpeechSynthesis | undefined =>
  typeof speechSynthesis === 'object' && typeof SpeechSynthesisUtterance === 'function' ? speechSynthesis : undefined;

/** The voices, once the engine has listed them (some list none until `voiceschanged`). */
function voicesOf(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener('voiceschanged', done);
      resolve(synth.getVoices());
    };
    // An engine with no voice at all may never fire the event.
    const timer = setTimeout(done, 2000);
    synth.addEventListener('voiceschanged', done);
  });
}

function useVoices(synth: SpeechSynthesis | undefined): SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synth?.getVoices() ?? []);
  useEffect(() => {
    if (!synth) return;
    const update = () => setVoices(synth.getVoices());
    synth.addEventListener('voiceschanged', update);
    return () => synth.removeEventListener('voiceschanged', update);
  }, [synth]);
  return voices;
}

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

const inView = (el: Element) => {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight;
};

const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

const smoothScroll = () =>
  document.documentElement.dataset.motion !== 'reduce' && !matchMedia('(prefers-reduced-motion: reduce)').matches;

function setAction(action: MediaSessionAction, handler: MediaSessionActionHandler | null): void {
  try {
    navigator.mediaSession.setActionHandler(action, handler);
  } catch {
    // this browser does not offer that action
  }
}

export function Listen({ article, root, state, onState, feedTitle, listRows }: ListenProps) {
  const synth = useMemo(synthesis, []);
  const voices = useVoices(synth);
  const [prefs, setPrefs] = useState<ListenPrefs>(loadListenPrefs);
  const [message, setMessage] = useState<'noVoice' | 'noSpeech' | 'failed'>();
  const [, setTick] = useState(0);
  const reader = useRef<ReadAloud | undefined>(undefined);
  const sentences = useRef<Sentence[]>([]);
  const spoken = useRef<HTMLElement | undefined>(undefined);
  /** Follow the spoken sentence down the page; off once the reader scrolls it out of view. */
  const follow = useRef(true);
  /** The position last written to the reading state, so each is written once. */
  const saved = useRef<number | undefined>(undefined);
  const lang = article.language || document.documentElement.lang || 'en';
  const primary = primaryLang(lang);
  const offered = useMemo(() => offlineVoices(voices, lang), [voices, lang]);
  const chosen = chooseVoice(offered, prefs.voices[primary]);
  const latest = useRef({ article, state, onState, prefs, listRows });
  latest.current = { article, state, onState, prefs, listRows };

  const updatePrefs = (p: ListenPrefs) => {
    setPrefs(p);
    saveListenPrefs(p);
  };

  /** Shows the sentence being spoken and remembers where reading is. */
  const show = (r: ReadAloud) => {
    setTick((n) => n + 1);
    const el = root.current;
    if (el) clearHighlight(el);
    spoken.current = undefined;
    if (r.state !== 'idle') {
      const s = sentences.current[r.index];
      spoken.current = s ? highlight(s) : undefined;
      if (spoken.current && follow.current && !inView(spoken.current)) {
        spoken.current.scrollIntoView({ block: 'center', behavior: smoothScroll() ? 'smooth' : 'auto' });
      }
    }
    const at = r.index > 0 ? r.index : undefined;
    if (saved.current !== at && (r.state !== 'idle' || at === undefined)) {
      saved.current = at;
      const { article: a, onState: update } = latest.current;
      update?.(a.id, (s, now) => withListenAt(s, at, now));
    }
  };

  const start = async (from: number) => {
    if (!synth) {
      setMessage('noSpeech');
      return;
    }
    const all = voices.length ? voices : await voicesOf(synth);
    const voice = chooseVoice(offlineVoices(all, lang), latest.current.prefs.voices[primary]);
    if (!voice) {
      setMessage('noVoice');
      return;
    }
    setMessage(undefined);
    const el = root.current;
    const roots = el ? Array.from(el.querySelectorAll('.reader-head h1, .prose')) : [];
    sentences.current = collectSentences(roots, lang);
    const texts = sentences.current.map((s) => s.text);
    if (!texts.length) return;
    const r =
      reader.current ??
      new ReadAloud(synth, texts, {
        changed: () => show(r),
        finished: () => {
          const { article: a, prefs: p, listRows: rows } = latest.current;
          const id = p.continueNext && rows ? nextIn(rows.current, a.id) : undefined;
          if (!id) return;
          autoplay = id;
          // In place of this one: Back still leads to the list the reader came from.
          navigate(articleHref(BASE, id), { replace: true, state: historyState() });
        },
        failed: () => setMessage('failed'),
      });
    reader.current = r;
    r.setTexts(texts);
    r.voice = voice;
    r.rate = latest.current.prefs.rate;
    follow.current = true;
    r.play(from < texts.length ? from : 0);
  };

  const toggle = () => {
    const r = reader.current;
    if (r?.state === 'playing') r.pause();
    else if (r?.state === 'paused') r.play();
    else {
      // Where it stopped, as stored (also by another tab, or before a reload).
      saved.current = latest.current.state?.listenAt;
      void start(saved.current ?? 0);
    }
  };

  // Continue with the next article: this one was opened to be read on.
  useEffect(() => {
    if (autoplay !== article.id) return;
    autoplay = undefined;
    // After the body has been put on the page by the reading view's layout effect.
    const frame = requestAnimationFrame(() => void start(0));
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the article opens
  }, []);

  // Stop speaking when the article is closed.
  useEffect(
    () => () => {
      reader.current?.stop();
      reader.current = undefined;
    },
    [],
  );

  // The reader scrolling on purpose (wheel, touch, scrolling keys) decides whether the sentence is
  // followed: scrolled out of view, it is not, until a skip or Resume; scrolled back, it is again.
  useEffect(() => {
    let byHand = false;
    const hand = () => {
      byHand = true;
    };
    const key = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (SCROLL_KEYS.has(e.key) && !el?.closest('button, input, select, textarea, [contenteditable]')) byHand = true;
    };
    const onScroll = () => {
      if (!byHand) return;
      byHand = false;
      if (spoken.current) follow.current = inView(spoken.current);
    };
    const opts = { passive: true } as const;
    addEventListener('wheel', hand, opts);
    addEventListener('touchmove', hand, opts);
    addEventListener('keydown', key, opts);
    addEventListener('scroll', onScroll, opts);
    return () => {
      removeEventListener('wheel', hand);
      removeEventListener('touchmove', hand);
      removeEventListener('keydown', key);
      removeEventListener('scroll', onScroll);
    };
  }, []);

  const r = reader.current;
  const status = r?.state ?? 'idle';

  // The lock screen and headset buttons, where the browser has a Media Session.
  useEffect(() => {
    if (!('mediaSession' in navigator) || status === 'idle') return;
    const session = navigator.mediaSession;
    try {
      session.metadata = new MediaMetadata({ title: article.title || tl().listen, artist: feedTitle });
    } catch {
      // no MediaMetadata: the buttons still work
    }
    session.playbackState = status === 'playing' ? 'playing' : 'paused';
    setAction('play', () => reader.current?.play());
    setAction('pause', () => reader.current?.pause());
    setAction('nexttrack', () => reader.current?.skip(1));
    setAction('previoustrack', () => reader.current?.skip(-1));
    return () => {
      for (const a of ['play', 'pause', 'nexttrack', 'previoustrack'] as const) setAction(a, null);
      session.metadata = null;
      session.playbackState = 'none';
    };
  }, [status, article.title, feedTitle]);

  const s = tl();
  const skip = (step: number) => {
    follow.current = true;
    reader.current?.skip(step);
  };
  return (
    <div class="listen">
      <div class="button-row">
        <button type="button" class="action" data-shortcut="listen" aria-keyshortcuts="l" onClick={toggle}>
          <span aria-hidden="true">{status === 'playing' ? '⏸' : '▶'}</span>{' '}
          {status === 'playing' ? s.pauseListening : status === 'paused' ? s.resumeListening : s.listen}
        </button>
        {r && status !== 'idle' && (
          <>
            <button type="button" class="action" aria-label={s.previousSentence} disabled={r.index === 0} onClick={() => skip(-1)}>
              <span aria-hidden="true">⏮</span>
            </button>
            <button type="button" class="action" aria-label={s.nextSentence} disabled={r.index >= r.length - 1} onClick={() => skip(1)}>
              <span aria-hidden="true">⏭</span>
            </button>
            <button type="button" class="action" onClick={() => r.reset()}>
              {s.stopListening}
            </button>
            <span class="note">{s.sentenceOf(r.index + 1, r.length)}</span>
          </>
        )}
      </div>
      {r && status !== 'idle' && (
        <div class="listen-options">
          <label>
            {s.speed}{' '}
            <select
              value={String(prefs.rate)}
              onChange={(e) => {
                const rate = Number(e.currentTarget.value);
                updatePrefs({ ...prefs, rate });
                r.rate = rate;
                r.restart();
              }}
            >
              {RATES.map((rate) => (
                <option key={rate} value={String(rate)}>
                  {num(rate)}×
                </option>
              ))}
            </select>
          </label>
          <label>
            {s.voice}{' '}
            <select
              value={chosen?.voiceURI}
              onChange={(e) => {
                const uri = e.currentTarget.value;
                updatePrefs({ ...prefs, voices: { ...prefs.voices, [primary]: uri } });
                const v = offered.find((o) => o.voiceURI === uri);
                if (v) {
                  r.voice = v;
                  r.restart();
                }
              }}
            >
              {offered.map((v) => (
                <option key={v.voiceURI} value={v.voiceURI}>
                  {v.name} ({v.lang})
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={prefs.continueNext}
              onChange={(e) => updatePrefs({ ...prefs, continueNext: e.currentTarget.checked })}
            />{' '}
            {s.continueNext}
          </label>
        </div>
      )}
      <p role="status" class="listen-status">
        {message === 'noVoice' ? s.noOfflineVoice(languageName(lang)) : message === 'noSpeech' ? s.noSpeech : message === 'failed' ? s.listenFailed : ''}
      </p>
    </div>
  );
}
