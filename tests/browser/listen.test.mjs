// @ts-check
/**
 * Read aloud, in real Chromium, with the server stopped: a scripted `speechSynthesis` is installed
 * before the page loads. It lists on-device and network voices in several languages; its `speak`
 * records what is said and ends each utterance after a tick (or, with `hold`, when the test says).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articlePath, axe, listReady, openApp, readStore, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */

const EN = {
  id: 'listen-en',
  title: 'Harbour ferries return',
  language: 'en',
  date_published: '2026-05-03T09:00:00Z',
  content_html:
    '<p>The ferries run again from Monday. Mr. Okafor, who runs the <em>north pier. kiosk</em>, was pleased.</p>' +
    '<p>Tickets cost 2.50 each. “Finally!” said a rider. The last boat leaves at nine.</p>',
};
const EN_SENTENCES = [
  'Harbour ferries return',
  'The ferries run again from Monday.',
  'Mr. Okafor, who runs the north pier. kiosk, was pleased.',
  'Tickets cost 2.50 each.',
  '“Finally!” said a rider.',
  'The last boat leaves at nine.',
];
const UK = {
  id: 'listen-uk',
  title: 'Пороми знову ходять',
  language: 'uk',
  date_published: '2026-05-02T09:00:00Z',
  content_html: '<p>Д-р Петренко приїхав зранку. Квитки коштують 20 грн. Усі раді!</p>',
};
const PT = {
  id: 'listen-pt',
  title: 'Balsas voltam',
  language: 'pt-BR',
  date_published: '2026-05-01T09:00:00Z',
  content_text: 'A Sra. Costa ficou contente. As balsas saem às nove.',
};
const FR = {
  id: 'listen-fr',
  title: 'Les bacs reprennent',
  language: 'fr',
  date_published: '2026-04-30T09:00:00Z',
  content_html: '<p>Les bacs reprennent lundi.</p>',
};
const LONG = {
  id: 'listen-long',
  title: 'A long tide table',
  language: 'en',
  date_published: '2026-04-01T09:00:00Z',
  content_html: Array.from({ length: 40 }, (_, i) => `<p>Tide note ${i + 1} is short. It has a second line.</p>`).join(''),
};
const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Harbour Gazette', items: [EN, UK, PT, FR, LONG] };

/** The scripted engine; runs in the page before any of its scripts. */
function installSpeech() {
  const voice = (/** @type {string} */ name, /** @type {string} */ lang, local = true) => ({
    name,
    lang,
    voiceURI: `test:${name}`,
    localService: local,
    default: false,
  });
  const voices = [
    voice('Cloud English', 'en-US', false),
    voice('Ann', 'en-US'),
    voice('Ben', 'en_GB'),
    voice('Cloud Ukrainian', 'uk-UA', false),
    voice('Oksana', 'uk-UA'),
    voice('Cloud Brasil', 'pt-BR', false),
    voice('Rita', 'pt-PT'),
    voice('Cloud French', 'fr-FR', false),
    voice('Lucía', 'es-ES'),
  ];
  /** @type {any[]} */ let queue = [];
  /** @type {any} */ let current = null;
  const speech = {
    /** @type {Window['__speech']['log']} */ log: [],
    hold: false,
    release() {
      if (current) finish(current);
    },
  };
  const finish = (/** @type {any} */ u) => {
    if (current !== u) return;
    current = null;
    u.onend?.({ type: 'end', utterance: u });
    next();
  };
  const next = () => {
    const u = queue.shift();
    if (!u) return;
    current = u;
    speech.log.push({ text: u.text, voice: u.voice?.name, lang: u.lang, rate: u.rate });
    u.onstart?.({ type: 'start', utterance: u });
    if (!speech.hold) setTimeout(() => finish(u), 10);
  };
  class Synth extends EventTarget {
    get speaking() {
      return !!current;
    }
    get pending() {
      return queue.length > 0;
    }
    get paused() {
      return false;
    }
    getVoices() {
      return voices;
    }
    speak(/** @type {any} */ u) {
      queue.push(u);
      if (!current) next();
    }
    cancel() {
      const dropped = [current, ...queue].filter(Boolean);
      queue = [];
      current = null;
      for (const u of dropped) u.onerror?.({ type: 'error', error: 'interrupted', utterance: u });
    }
    pause() {}
    resume() {}
  }
  class Utterance {
    constructor(text = '') {
      this.text = text;
      /** @type {any} */ this.voice = null;
      this.lang = '';
      this.rate = 1;
      this.pitch = 1;
      this.volume = 1;
      /** @type {any} */ this.onend = null;
      /** @type {any} */ this.onerror = null;
      /** @type {any} */ this.onstart = null;
    }
  }
  Object.defineProperty(window, 'speechSynthesis', { value: new Synth(), configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  window.__speech = speech;
}

describe('read aloud, offline', () => {
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['page']} */ let page;

  /** What was said, in order. @returns {Promise<string[]>} */
  const said = () => page.evaluate(() => window.__speech.log.map((e) => e.text));
  /** @param {number} n */
  const saidAtLeast = (n) => page.waitForFunction((k) => window.__speech.log.length >= k, n);
  const hold = (on = true) => page.evaluate((v) => (window.__speech.hold = v), on);
  const clearLog = () => page.evaluate(() => (window.__speech.log.length = 0));
  /**
   * Opens an article (a new page, so a new engine) and holds each utterance until released.
   * @param {{ id: string, title: string }} item
   */
  const open = async (item) => {
    await page.goto(server.url + articlePath(item.id));
    await page.locator('h1').filter({ hasText: item.title }).waitFor();
    await page.getByRole('button', { name: 'Listen', exact: true }).waitFor();
    await hold();
  };
  /** The names of the voices offered, once the controls are shown. */
  const offered = async () => {
    const voice = page.getByRole('combobox', { name: 'Voice' });
    await voice.waitFor();
    return voice.locator('option').allTextContents();
  };
  /**
   * Waits until the reading state stored for `id` says reading aloud is at sentence `at`.
   * @param {string} id
   * @param {number | undefined} at
   */
  const storedAt = (id, at) =>
    page.waitForFunction(
      async ([key, want]) => {
        const db = await new Promise((resolve, reject) => {
          const r = indexedDB.open('broadsheet');
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        const s = await new Promise((resolve) => {
          const r = /** @type {IDBDatabase} */ (db).transaction('state').objectStore('state').get(/** @type {string} */ (key));
          r.onsuccess = () => resolve(r.result);
        });
        /** @type {IDBDatabase} */ (db).close();
        return /** @type {{ listenAt?: number } | undefined} */ (s)?.listenAt === (want ?? undefined);
      },
      [id, at ?? null],
    );
  const speaking = () => page.locator('[data-speaking]').allTextContents().then((t) => t.join(''));

  before(async () => {
    ({ server, page } = app = await openApp({ feed }));
    await page.addInitScript(installSpeech);
    await page.goto(server.url);
    await waitForController(page);
    await listReady(page, feed.items.length);
    // Once the shell and the articles are on the phone, the network goes away for good.
    await server.stop();
  });

  after(() => app?.close());

  test('only on-device voices of the article’s language are offered', async () => {
    await open(EN);
    await hold();
    await page.getByRole('button', { name: 'Listen' }).click();
    assert.deepEqual(await offered(), ['Ann (en-US)', 'Ben (en_GB)']);
    // The choice applies at once and is remembered for English.
    await page.getByRole('combobox', { name: 'Voice' }).selectOption({ label: 'Ben (en_GB)' });
    await page.waitForFunction(() => window.__speech.log.at(-1)?.voice === 'Ben');
    await page.getByRole('button', { name: 'Stop' }).click();
    await open(EN);
    await page.getByRole('button', { name: 'Listen' }).click();
    await saidAtLeast(1);
    assert.equal(await page.evaluate(() => window.__speech.log[0]?.voice), 'Ben');
    assert.equal(await page.getByRole('combobox', { name: 'Voice' }).inputValue(), 'test:Ben');
    await page.getByRole('button', { name: 'Stop' }).click();

    // pt-BR falls back to a pt-PT voice; the network Brazilian voice is never offered.
    await open(PT);
    await page.getByRole('button', { name: 'Listen' }).click();
    assert.deepEqual(await offered(), ['Rita (pt-PT)']);
    const log = await page.evaluate(() => window.__speech.log);
    assert.ok(log.length > 0 && log.every((e) => e.voice && !e.voice.startsWith('Cloud')), JSON.stringify(log));
    await page.getByRole('button', { name: 'Stop' }).click();
  });

  test('sentences are spoken in order, each highlighted while it is spoken', async () => {
    await open(EN);
    await clearLog();
    await page.getByRole('button', { name: 'Listen' }).click();
    await saidAtLeast(1);
    assert.equal(await speaking(), EN_SENTENCES[0]);
    // The highlight is not a live region: nothing around it announces the change.
    assert.equal(await page.locator('[data-speaking]').first().evaluate((el) => !!el.closest('[aria-live],[role=status],[role=alert],[role=log]')), false);
    for (let i = 1; i < EN_SENTENCES.length; i++) {
      await page.evaluate(() => window.__speech.release());
      await saidAtLeast(i + 1);
      assert.equal(await speaking(), EN_SENTENCES[i], `sentence ${i} highlighted`);
    }
    await page.evaluate(() => window.__speech.release());
    await page.getByRole('button', { name: 'Listen' }).waitFor();
    assert.deepEqual(await said(), EN_SENTENCES);
    assert.equal(await page.locator('[data-speaking]').count(), 0, 'no highlight left at the end');
    // Unheld, the whole article is read by itself.
    await hold(false);
    await clearLog();
    await page.getByRole('button', { name: 'Listen' }).click();
    await saidAtLeast(EN_SENTENCES.length);
    await page.getByRole('button', { name: 'Listen' }).waitFor();
    assert.deepEqual(await said(), EN_SENTENCES);
  });

  test('pause, resume, previous and next sentence, and the speed', async () => {
    await hold();
    await clearLog();
    await page.getByRole('button', { name: 'Listen' }).click();
    await saidAtLeast(1);
    await page.getByRole('button', { name: 'Next sentence' }).click();
    await page.getByRole('button', { name: 'Next sentence' }).click();
    await saidAtLeast(3);
    assert.equal(await speaking(), EN_SENTENCES[2]);
    await page.getByRole('button', { name: 'Previous sentence' }).click();
    await saidAtLeast(4);
    assert.deepEqual(await said(), EN_SENTENCES.slice(0, 3).concat(EN_SENTENCES[1] ?? ''));

    // The lock screen shows the article and the feed, where the browser has a Media Session.
    const meta = await page.evaluate(() => [navigator.mediaSession.metadata?.title, navigator.mediaSession.metadata?.artist, navigator.mediaSession.playbackState]);
    assert.deepEqual(meta, [EN.title, feed.title, 'playing']);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    assert.equal((await said()).length, 4, 'nothing is said while paused');
    assert.equal(await page.evaluate(() => navigator.mediaSession.playbackState), 'paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await saidAtLeast(5);
    assert.equal((await said())[4], EN_SENTENCES[1], 'resume says the paused sentence again');

    await page.getByRole('combobox', { name: 'Speed' }).selectOption('1.5');
    await saidAtLeast(6);
    const last = await page.evaluate(() => window.__speech.log.at(-1));
    assert.deepEqual([last?.text, last?.rate], [EN_SENTENCES[1], 1.5]);
    await page.evaluate(() => window.__speech.release());
    await saidAtLeast(7);
    assert.equal(await page.evaluate(() => window.__speech.log.at(-1)?.rate), 1.5, 'the speed stays for the next sentences');
    // Stop starts the article over: the stored position goes.
    await storedAt(EN.id, 2);
    await page.getByRole('button', { name: 'Stop' }).click();
    await storedAt(EN.id, undefined);
  });

  test('the position survives a reload, and Listen resumes there', async () => {
    await open(EN);
    await hold();
    await clearLog();
    await page.getByRole('button', { name: 'Listen' }).click();
    await saidAtLeast(1);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next sentence' }).click();
    await saidAtLeast(4);
    await page.getByRole('button', { name: 'Pause' }).click();
    await storedAt(EN.id, 3);
    await page.reload();
    await page.getByRole('button', { name: 'Listen' }).waitFor();
    await hold();
    await page.getByRole('button', { name: 'Listen' }).click();
    await saidAtLeast(1);
    assert.deepEqual(await said(), [EN_SENTENCES[3]]);
    const states = /** @type {{ id: string, listenAt?: number }[]} */ (await readStore(page, 'state'));
    assert.equal(states.find((s) => s.id === EN.id)?.listenAt, 3);
    await page.getByRole('button', { name: 'Stop' }).click();
  });

  test('the l key starts and pauses reading, as the shortcuts list says', async () => {
    await open(UK);
    await hold();
    await clearLog();
    await page.keyboard.press('l');
    await saidAtLeast(1);
    const first = await page.evaluate(() => window.__speech.log[0]);
    assert.deepEqual([first?.text, first?.voice], [UK.title, 'Oksana']);
    await page.keyboard.press('l');
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await hold(false);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Listen' }).waitFor();
    assert.deepEqual((await said()).slice(-3), ['Д-р Петренко приїхав зранку.', 'Квитки коштують 20 грн.', 'Усі раді!']);
    await page.goto(`${server.url}settings`);
    const shortcuts = page.locator('dl.shortcuts');
    await shortcuts.waitFor();
    assert.match((await shortcuts.textContent()) ?? '', /l\s*Listen \/ pause/);
  });

  test('the spoken sentence is kept in view, unless the reader scrolled away by hand', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(LONG);
    await clearLog();
    await page.getByRole('button', { name: 'Listen' }).click();
    await saidAtLeast(1);
    // The title, then two sentences a note: the 39th sentence on is note 20's first.
    for (let i = 0; i < 39; i++) await page.getByRole('button', { name: 'Next sentence' }).click();
    await saidAtLeast(40);
    assert.equal(await speaking(), 'Tide note 20 is short.');
    const inView = () =>
      page.locator('[data-speaking]').first().evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
    assert.equal(await inView(), true, 'followed down the page');
    // The reader scrolls back to the top with the mouse wheel: the next sentence does not pull the page down.
    await page.mouse.move(200, 400);
    await page.mouse.wheel(0, -100_000);
    await page.waitForFunction(() => scrollY === 0);
    await page.evaluate(() => window.__speech.release());
    await saidAtLeast(41);
    assert.equal(await speaking(), 'It has a second line.');
    assert.equal(await page.evaluate(() => scrollY), 0);
    assert.equal(await inView(), false);
    // A skip follows it again.
    await page.getByRole('button', { name: 'Next sentence' }).click();
    await saidAtLeast(42);
    assert.equal(await speaking(), 'Tide note 21 is short.');
    assert.equal(await inView(), true);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  test('with no on-device voice for the language, a status says so and how to add one', async () => {
    await open(FR);
    await clearLog();
    await page.getByRole('button', { name: 'Listen' }).click();
    const status = page.getByRole('status').filter({ hasText: 'No offline voice is installed for French' });
    await status.waitFor();
    assert.match((await status.textContent()) ?? '', /text-to-speech settings/);
    assert.deepEqual(await said(), [], 'the network French voice is never used');
  });

  test('axe finds no violations on the read-aloud controls', async () => {
    await open(EN);
    assert.deepEqual(await axe(page), [], 'before listening');
    await hold();
    await page.getByRole('button', { name: 'Listen' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    assert.deepEqual(await axe(page), [], 'with the controls open, paused on a sentence');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axe(page), [], 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Stop' }).click();
  });

  test('continue with the next article follows the list it was opened from', async () => {
    await page.goto(server.url);
    await listReady(page, feed.items.length);
    await page.getByRole('link', { name: UK.title }).click();
    await page.getByRole('button', { name: 'Listen' }).waitFor();
    await hold();
    await clearLog();
    await page.getByRole('button', { name: 'Listen' }).click();
    await page.getByRole('checkbox', { name: 'Continue with the next article' }).check();
    // Say each sentence until the next article's title is being said.
    await page.waitForFunction(
      (t) => {
        const done = window.__speech.log.some((e) => e.text === t);
        if (!done) window.__speech.release();
        return done;
      },
      PT.title,
      { polling: 50 },
    );
    // The list is newest first: after the Ukrainian article comes the Portuguese one.
    await page.locator('h1').filter({ hasText: PT.title }).waitFor();
    assert.match(page.url(), new RegExp(`${PT.id}$`));
    assert.deepEqual((await said()).slice(0, 4), [UK.title, 'Д-р Петренко приїхав зранку.', 'Квитки коштують 20 грн.', 'Усі раді!']);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('checkbox', { name: 'Continue with the next article' }).uncheck();
    await page.getByRole('button', { name: 'Stop' }).click();
    // Back goes to the list, not to the article before.
    await page.goBack();
    await page.getByRole('list', { name: 'Articles' }).waitFor();
  });
});
