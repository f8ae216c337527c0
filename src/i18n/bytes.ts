/**
 * Storage sizes for people. The used space is always written in KB or MB (a phone's article
 * store is rarely more, and the settings view promises one of the two); available space may be GB.
 */
import { formatLocale } from './format';

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

function fixed(n: number): string {
  const digits = n < 10 ? 1 : 0;
  return new Intl.NumberFormat(formatLocale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

/** "0 KB", "12 KB", "2.4 MB", "1,536 MB". */
export function formatUsed(bytes: number): string {
  return bytes < MB ? `${fixed(Math.max(0, bytes) / KB)} KB` : `${fixed(bytes / MB)} MB`;
}

/** Like `formatUsed`, but a gigabyte or more is written in GB. */
export function formatSize(bytes: number): string {
  return bytes >= GB ? `${fixed(bytes / GB)} GB` : formatUsed(bytes);
}
