import { describe, expect, test, vi } from 'vitest';
import { ReadAloud } from '../../../../src/features/listen/read-aloud';

interface FakeUtterance {
  text: string;
  voice: unknown;
  lang: string;
  rate: number;
  onend: (() => void) | null;
  onerror: ((e: { error: string }) => void) | null;
}

/** An engine that says nothing until told: `end()` finishes the current utterance. */
function fakeEngine() {
  const said: FakeUtterance[] = [];
  let current: FakeUtterance | undefined;
  const synth = {
    get speaking() {
      return !!current;
    },
    pending: false,
    speak(u: FakeUtterance) {
      said.push(u);
      current = u;
    },
    cancel() {
      const u = current;
      current = undefined;
      u?.onerror?.({ error: 'interrupted' });
    },
  };
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      voice: unknown = null;
      lang = '';
      rate = 1;
      onend = null;
      onerror = null;
      constructor(public text: string) {}
    },
  );
  return {
    synth: synth as unknown as SpeechSynthesis,
    said,
    end() {
      const u = current;
      current = undefined;
      u?.onend?.();
    },
    fail(error: string) {
      const u = current;
      current = undefined;
      u?.onerror?.({ error });
    },
  };
}

const VOICE = { name: 'Local', lang: 'en-US', voiceURI: 'x', localService: true, default: false } as SpeechSynthesisVoice;

function setup(texts = ['A.', 'B.', 'C.']) {
  const engine = fakeEngine();
  const hooks = { changed: vi.fn(), finished: vi.fn(), failed: vi.fn() };
  const reader = new ReadAloud(engine.synth, texts, hooks);
  reader.voice = VOICE;
  return { engine, hooks, reader };
}

describe('reading aloud sentence by sentence', () => {
  test('one utterance per sentence, in order, with the chosen voice and speed, then finished', () => {
    const { engine, hooks, reader } = setup();
    reader.rate = 1.25;
    reader.play();
    engine.end();
    engine.end();
    engine.end();
    expect(engine.said.map((u) => [u.text, u.voice, u.lang, u.rate])).toEqual([
      ['A.', VOICE, 'en-US', 1.25],
      ['B.', VOICE, 'en-US', 1.25],
      ['C.', VOICE, 'en-US', 1.25],
    ]);
    expect(hooks.finished).toHaveBeenCalledTimes(1);
    expect([reader.state, reader.index]).toEqual(['idle', 0]);
  });

  test('pause cancels and resume says that sentence again; a cancelled utterance’s events change nothing', () => {
    const { engine, reader } = setup();
    reader.play(1);
    reader.pause();
    expect(reader.state).toBe('paused');
    engine.end(); // nothing is speaking: no effect
    reader.play();
    expect(engine.said.map((u) => u.text)).toEqual(['B.', 'B.']);
    reader.skip(1);
    reader.skip(5);
    reader.skip(-10);
    expect(reader.index).toBe(0);
    expect(engine.said.map((u) => u.text)).toEqual(['B.', 'B.', 'C.', 'C.', 'A.']);
  });

  test('without a voice nothing is spoken; an engine error pauses and is reported', () => {
    const { engine, hooks, reader } = setup();
    reader.voice = undefined;
    reader.play();
    expect(engine.said).toEqual([]);
    reader.voice = VOICE;
    reader.play();
    engine.fail('synthesis-failed');
    expect(reader.state).toBe('paused');
    expect(hooks.failed).toHaveBeenCalledWith('synthesis-failed');
  });

  test('reset goes back to the start; stop keeps the place', () => {
    const { reader } = setup();
    reader.play(2);
    reader.stop();
    expect([reader.state, reader.index]).toEqual(['idle', 2]);
    reader.reset();
    expect(reader.index).toBe(0);
  });
});
