/** The `VITE_*` variables the app reads (Vite's `import.meta.env`); see vite.config.ts. */
interface ImportMetaEnv {
  /** Where the article index lives, when not the default `feed.json` beside the app (platform/config.ts). */
  readonly VITE_INDEX_URL?: string;
  /** The UI language when the browser asks for none we have: `language` in broadsheet.config.json. */
  readonly VITE_DEFAULT_LANGUAGE?: string;
  /** The browser's colour for the light theme: `theme_color` in broadsheet.config.json. */
  readonly VITE_THEME_COLOR?: string;
}
