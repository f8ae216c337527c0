/**
 * The data saver's preferences and rules, as data: whether to save data whatever the browser
 * says, when the reading view loads images by itself, and above what size a download asks
 * first. Parsed like the settings (anything invalid falls back to its default). Pure: the
 * browser's own signals (`navigator.connection`) come in as arguments.
 */

/** When the reading view loads images by itself: always, only on Wi-Fi, or never (a tap loads one). */
export const IMAGE_MODES = ['always', 'wifi', 'never'] as const;
export type ImageMode = (typeof IMAGE_MODES)[number];

/** The sizes offered for "ask before downloading more than". */
export const ASK_ABOVE_MB = [1, 2, 5, 10, 20, 50, 100] as const;

export interface SaverPrefs {
  /** Save data, whatever the browser's Save-Data says. */
  saveData: boolean;
  images: ImageMode;
  /** A download larger than this many MB (2^20 bytes) asks first. */
  askAboveMB: number;
}

export const DEFAULT_SAVER: SaverPrefs = { saveData: false, images: 'always', askAboveMB: 5 };

export function parseSaver(v: unknown): SaverPrefs {
  const o = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const ask = Number(o.askAboveMB);
  return {
    saveData: o.saveData === true,
    images: (IMAGE_MODES as readonly unknown[]).includes(o.images) ? (o.images as ImageMode) : DEFAULT_SAVER.images,
    askAboveMB: (ASK_ABOVE_MB as readonly number[]).includes(ask) ? ask : DEFAULT_SAVER.askAboveMB,
  };
}

/** What the Network Information API says, where it exists. */
export interface ConnectionInfo {
  saveData?: boolean | undefined;
  /** 'wifi', 'cellular', 'ethernet', … (Chrome on Android and ChromeOS only). */
  type?: string | undefined;
  metered?: boolean | undefined;
}

/** Saving data: the reader asked for it, or the browser's Save-Data is on. */
function savingData(prefs: SaverPrefs, connection: ConnectionInfo | undefined): boolean {
  return prefs.saveData || connection?.saveData === true;
}

/** Whether the reading view may load images by itself (else each waits for a tap). */
export function autoImages(prefs: SaverPrefs, connection: ConnectionInfo | undefined): boolean {
  if (savingData(prefs, connection) || prefs.images === 'never') return false;
  if (prefs.images === 'wifi') {
    // Only where the browser says what the connection is; elsewhere the option is not offered.
    const type = connection?.type;
    return type === undefined || type === 'wifi' || type === 'ethernet';
  }
  return true;
}

/** A connection that costs by the byte, as far as the browser says. */
function isMetered(connection: ConnectionInfo | undefined): boolean {
  return connection?.metered === true || connection?.type === 'cellular';
}

/** Whether refreshes nobody asked for (on reconnect, on return, in the background) may run. */
export function backgroundRefreshAllowed(prefs: SaverPrefs, connection: ConnectionInfo | undefined): boolean {
  return !(savingData(prefs, connection) && isMetered(connection));
}
