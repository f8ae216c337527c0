import { num, pick, isolate } from '../format';
import type { Strings } from '../en/main';

/** Ukrainian has three plural forms for whole numbers: 1 стаття, 2 статті, 5 статей. */
const plural = (n: number, one: string, few: string, many: string) => `${num(n)} ${pick(n, { one, few, many, other: few })}`;

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

  // Archive sync and search
  searching: 'Шукаємо…',
  indexing: 'Пошуковий індекс на цьому пристрої ще будується: можуть з’явитися інші збіги.',
};

export default uk;
