/**
 * Reading aloud, one sentence per utterance: a short utterance never hits the cut-off some
 * engines apply to long ones, and the reader can step back or forward a sentence. Pausing
 * cancels the utterance and resuming speaks that sentence again from its start, which behaves
 * the same on every engine (`speechSynthesis.pause()` does not, on Android). Each utterance
 * carries a generation number, so the events of a cancelled one are ignored.
 */

export type ListenState = 'idle' | 'playing' | 'paused';

export interface ReadAloudHooks {
  /** Anything shown changed: the state or the sentence. */
  changed(): void;
  /** The last sentence was spoken. */
  finished(): void;
  /** The engine gave up on a sentence (not a cancel of ours): reading is paused. */
  failed(error: string): void;
}

export class ReadAloud {
  state: ListenState = 'idle';
  /** The sentence being spoken, or to speak next. */
  index = 0;
  voice: SpeechSynthesisVoice | undefined;
  rate = 1;
  private generation = 0;
  /** Kept referenced while it speaks: Chrome drops the events of an utterance that was garbage-collected. */
  private current: SpeechSynthesisUtterance | undefined;

  constructor(
    private readonly synth: SpeechSynthesis,
    private texts: readonly string[],
    private readonly hooks: ReadAloudHooks,
  ) {}

  get length(): number {
    return this.texts.length;
  }

  /** New text (the body arrived or changed): keeps the position, within bounds. */
  setTexts(texts: readonly string[]): void {
    this.texts = texts;
    this.index = Math.min(this.index, Math.max(0, texts.length - 1));
  }

  play(from = this.index): void {
    if (!this.texts.length || !this.voice) return;
    this.index = Math.min(Math.max(0, from), this.texts.length - 1);
    this.state = 'playing';
    this.say();
  }

  pause(): void {
    if (this.state !== 'playing') return;
    this.silence();
    this.state = 'paused';
    this.hooks.changed();
  }

  /** Moves `step` sentences; keeps speaking if it was. */
  skip(step: number): void {
    if (!this.texts.length) return;
    this.index = Math.min(Math.max(0, this.index + step), this.texts.length - 1);
    if (this.state === 'playing') this.say();
    else this.hooks.changed();
  }

  /** Says the current sentence again (a new voice or speed applies at once). */
  restart(): void {
    if (this.state === 'playing') this.say();
  }

  /** Stops speaking, keeping the place (the article is being closed). */
  stop(): void {
    this.silence();
    this.state = 'idle';
    this.hooks.changed();
  }

  /** Stops and goes back to the start: the next Listen starts the article over. */
  reset(): void {
    this.silence();
    this.state = 'idle';
    this.index = 0;
    this.hooks.changed();
  }

  private silence(): void {
    this.generation++;
    if (this.current || this.synth.speaking || this.synth.pending) this.synth.cancel();
    this.current = undefined;
  }

  private say(): void {
    this.silence();
    const text = this.texts[this.index];
    const voice = this.voice;
    if (text === undefined || !voice) {
      this.stop();
      return;
    }
    const generation = this.generation;
    const u = new SpeechSynthesisUtterance(text);
    // Always an explicit on-device voice: the engine never picks a network one by itself.
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = this.rate;
    u.onend = () => {
      if (generation !== this.generation) return;
      this.current = undefined;
      if (this.index + 1 < this.texts.length) {
        this.index++;
        this.say();
      } else {
        this.state = 'idle';
        this.index = 0;
        this.hooks.changed();
        this.hooks.finished();
      }
    };
    u.onerror = (e) => {
      if (generation !== this.generation || e.error === 'interrupted' || e.error === 'canceled') return;
      this.silence();
      this.state = 'paused';
      this.hooks.changed();
      this.hooks.failed(e.error);
    };
    this.current = u;
    this.synth.speak(u);
    this.hooks.changed();
  }
}
