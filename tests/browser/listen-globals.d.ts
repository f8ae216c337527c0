/** The scripted `speechSynthesis` that listen.test.mjs installs before the page loads. */
declare global {
  interface Window {
    __speech: {
      /** Every utterance started, in order. */
      log: { text: string; voice: string | undefined; lang: string; rate: number }[];
      /** While true, an utterance goes on until `release()`; else each ends after a tick. */
      hold: boolean;
      /** Ends the utterance being spoken (as if it had been said). */
      release(): void;
    };
  }
}
export {};
