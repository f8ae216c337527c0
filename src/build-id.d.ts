/** Set by vite.config.ts `define`: the package version, or BUILD_ID at build time. */
declare const __BUILD_ID__: string;
