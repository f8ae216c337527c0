import type { FeedError, ParseReport } from '../../core/feed/types';
import type { SyncFailure } from '../../core/sync-types';
import { ARTICLE_CAPS } from '../../core/feed/caps';

const LIMITS_TAGS = ARTICLE_CAPS.tagsPerItem;
const LIMITS_AUTHORS = ARTICLE_CAPS.authorsPerItem;
import { num, pick, isolate } from '../format';
import type { Strings } from '../en/main';

/** Ukrainian has three plural forms for whole numbers: 1 стаття, 2 статті, 5 статей. */
const plural = (n: number, one: string, few: string, many: string) => `${num(n)} ${pick(n, { one, few, many, other: few })}`;
const storedKept = 'Статті, збережені на цьому пристрої, не змінилися.';

function skipped(r: ParseReport): string {
  const parts: string[] = [];
  if (r.noId) parts.push(`${plural(r.noId, 'елемент', 'елементи', 'елементів')} без id`);
  if (r.notObject) parts.push(`${plural(r.notObject, 'запис', 'записи', 'записів')}, що не є статтями`);
  if (r.duplicates) parts.push(plural(r.duplicates, 'дублікат', 'дублікати', 'дублікатів'));
  const n = r.noId + r.notObject + r.duplicates;
  return n ? `Пропущено ${plural(n, 'елемент', 'елементи', 'елементів')}: ${parts.join(', ')}.` : '';
}

function repaired(r: ParseReport): string {
  const parts: string[] = [];
  if (r.badDates) parts.push(`не вдалося прочитати ${plural(r.badDates, 'дату', 'дати', 'дат')}`);
  if (r.truncatedFields) parts.push(`скорочено ${plural(r.truncatedFields, 'задовге поле', 'задовгі поля', 'задовгих полів')}`);
  if (r.futureDates) parts.push(`виправлено ${plural(r.futureDates, 'дату', 'дати', 'дат')} більш ніж на день уперед`);
  if (r.cutTags) parts.push(`пропущено ${plural(r.cutTags, 'тег', 'теги', 'тегів')} понад ${num(LIMITS_TAGS)} на статтю`);
  if (r.cutAuthors) parts.push(`пропущено ${plural(r.cutAuthors, 'автора', 'авторів', 'авторів')} понад ${num(LIMITS_AUTHORS)} на статтю`);
  if (!parts.length) return '';
  const s = parts.join('; ');
  return `${s.replace(/^./, (c) => c.toUpperCase())}.`;
}

export function feed(e: FeedError): string {
  switch (e.code) {
    case 'empty':
      return 'Індекс статей — порожній файл.';
    case 'html':
      return 'Сервер надіслав вебсторінку замість індексу статей (можливо, сторінку помилки чи входу).';
    case 'truncated':
      return 'Індекс статей неповний: завантаження обірвалося до кінця.';
    case 'not-json':
      return `Індекс статей не є коректним JSON.`;
    case 'not-object':
      return 'Індекс статей не є JSON Feed: це не JSON-об’єкт.';
    case 'no-version':
      return 'Індекс статей не є JSON Feed: у ньому немає "version".';
    case 'bad-version':
      return `Індекс статей не є JSON Feed, який може прочитати цей застосунок (його «version» не належить JSON Feed).`;
    case 'no-items':
      return 'Індекс статей не є JSON Feed: у ньому немає списку "items".';
  }
}

function failure(f: SyncFailure): string {
  switch (f.kind) {
    case 'offline':
      return 'Немає з’єднання. Показано статті, збережені на цьому пристрої.';
    case 'network':
      return 'Не вдалося зв’язатися із сервером. Показано статті, збережені на цьому пристрої.';
    case 'timeout':
      return `Сервер не відповів за ${num(f.seconds)} с. Показано статті, збережені на цьому пристрої.`;
    case 'http':
      return `Не вдалося завантажити індекс статей: сервер відповів ${f.status}. ${storedKept}`;
    case 'too-large':
      return `Індекс статей більший за ${num(Math.round(f.bytes / 1048576))} МБ, тому його не завантажено. ${storedKept}`;
    case 'feed':
      return `${feed(f.error)} ${storedKept}`;
    case 'no-articles': {
      const s = skipped(f.report);
      return `В індексі немає жодної придатної статті${f.report.total ? ` (${plural(f.report.total, 'елемент', 'елементи', 'елементів')})` : ''}. ${s ? `${s} ` : ''}${storedKept}`;
    }
    case 'storage':
      return `Пам’ять пристрою заповнена: збережено ${num(f.written)} з ${num(f.total)} статей. Звільніть місце й знову перевірте нові статті.`;
  }
}

const uk: Strings = {
  appName: 'Broadsheet',
  searchLabel: 'Пошук статей',
  searchPlaceholder: 'Слова із заголовків, тексту, тегів, імен авторів',
  tagLabel: 'Тег',
  allTags: 'Усі теги',
  findTag: 'Знайти тег',
  clearFilters: 'Скинути фільтри',
  articleCount: (n) => plural(n, 'стаття', 'статті', 'статей'),
  filtered: 'з фільтром',
  listLabel: 'Статті',
  loading: 'Завантаження статей…',
  firstSync: 'Завантажуємо статті для читання без мережі…',
  noArticlesYet: 'На цьому пристрої ще немає статей. Під’єднайтеся до інтернету один раз, щоб їх завантажити.',
  noMatch: (q) => (q ? `Жодна збережена стаття не відповідає «${isolate(q)}».` : 'Жодна збережена стаття не відповідає цьому фільтру.'),
  untitled: 'Без назви',
  tags: 'Теги',
  articleLoading: 'Відкриваємо статтю…',
  checkNow: 'Перевірити нові статті',
  checking: 'Перевіряємо нові статті…',
  updatedAgo: (when) => `Оновлено ${when}`,
  neverUpdated: 'Ще не оновлено',
  offlineBadge: 'Офлайн',
  wentOffline: 'Немає з’єднання. Усе, що збережено на цьому пристрої, можна читати далі.',
  backOnline: 'З’єднання відновлено.',
  skipped,
  storedKept,
  updateReady: 'Готова нова версія Broadsheet.',
  reload: 'Перезавантажити',
  offlineReady: 'Broadsheet готовий працювати без мережі.',
  dbUnavailable:
    'Цей браузер не дозволяє Broadsheet зберігати дані (так буває в приватному режимі), тому статті доступні лише онлайн і не збережуться для читання без мережі.',
  dbUpgrade: 'Broadsheet оновлено в іншій вкладці. Перезавантажте цю вкладку, щоб продовжити.',
  failure,

  savedBadge: 'Збережено',
  unreadBadge: 'Непрочитане',

  moreFilters: 'Більше фільтрів',
  activeFilters: (n) => `Фільтрів: ${num(n)}`,

  settings: 'Налаштування',
  highlights: 'Виділення',
  highlightCount: (n) => plural(n, 'виділення', 'виділення', 'виділень'),
  // List rows
  rowOffline: 'Можна читати без мережі',
  rowNotOffline: 'Ще не повністю доступна без мережі',
  minRead: (n) => `${num(n)} хв читання`,
  offlineCalm: (n) => `Без мережі · ${plural(n, 'стаття', 'статті', 'статей')} на цьому телефоні`,

  // Reliability
  repaired: (r) => repaired(r),
  parseNotes: (r) => [skipped(r), repaired(r)].filter(Boolean).join(' '),
  evicted:
    'Браузер видалив статті, збережені на цьому пристрої, імовірно, щоб звільнити місце. Їх буде завантажено знову, щойно сервер стане доступним.',
  evictedRestored: 'Браузер видаляв статті, збережені на цьому пристрої, імовірно, щоб звільнити місце. Їх уже завантажено знову.',
  dbClosed: 'Браузер закрив сховище Broadsheet на цьому пристрої (дані було очищено або скінчилося місце). Перезавантажте цю вкладку, щоб продовжити.',

  // Archive sync and search
  searching: 'Шукаємо…',
  indexing: 'Пошуковий індекс на цьому пристрої ще будується: можуть з’явитися інші збіги.',
  syncProgressLabel: 'Поступ завантаження',
  syncProgress: (pages, articles) => `Завантажено ${plural(pages, 'сторінку', 'сторінки', 'сторінок')} · ${plural(articles, 'статтю', 'статті', 'статей')}`,
  partialSaved: (pages, articles) => `Збережено ${plural(articles, 'статтю', 'статті', 'статей')} з ${plural(pages, 'сторінки', 'сторінок', 'сторінок')}; решту буде завантажено наступного разу.`,
  stoppedAtLoop: 'Індекс статей посилається на вже прочитану сторінку, тому завантаження зупинилося там.',
  stoppedAtLimit: (pages) => `Завантаження зупинилося після ${num(pages)} сторінок — це найбільше за одне оновлення.`,
};

export default uk;
