import type { FeedError, ParseReport } from '../../core/feed/types';
import type { SyncFailure } from '../../core/sync-types';
import { ARTICLE_CAPS } from '../../core/feed/caps';

const LIMITS_TAGS = ARTICLE_CAPS.tagsPerItem;
const LIMITS_AUTHORS = ARTICLE_CAPS.authorsPerItem;
import { num, pick, isolate } from '../format';
import type { LazyStrings } from '../en/lazy';

const plural = (n: number, one: string, few: string, many: string) => `${num(n)} ${pick(n, { one, few, many, other: few })}`;
const storedKept = 'Статті, збережені на цьому пристрої, не змінилися.';

/** The offline, storage, backup and hand-off views' strings (see ../lazy.ts). */
const lazy: LazyStrings = {
  webkitStorageNote:
    'Браузер на цьому пристрої (Safari або будь-який браузер на iPhone та iPad) видаляє збережені статті, якщо Broadsheet не відкривати 7 днів. Додайте його на початковий екран, щоб їх зберегти.',
  webkitStorageDismiss: 'Зрозуміло',
  keepOffline: 'Зберегти офлайн',
  articleOffline: 'Можна читати без мережі',
  articleImagesMissing: 'Зображення ще не збережено',
  articleBodyMissing: 'Текст ще не збережено',
  importedOn: (date) => `Імпортовано з файлу ${date}.`,
  keepProgressLabel: 'Завантаження для читання без мережі',
  keepProgress: (done, total) => `Зберігаємо статті офлайн: ${num(done)} з ${num(total)}.`,
  keepWaiting: (left) => `Чекаємо на мережу: залишилося ${plural(left, 'стаття', 'статті', 'статей')}.`,
  keepPaused: (left) => `Завантаження скасовано: залишилося ${plural(left, 'стаття', 'статті', 'статей')}. Продовжте, щоб завершити.`,
  keepStorageFull: 'Пам’ять пристрою заповнена: найстаріші зображення видалено, завантаження зупинено.',
  keepDone: (kept, failed) =>
    `Збережено офлайн: ${plural(kept, 'стаття', 'статті', 'статей')}.${failed ? ` Не вдалося повністю зберегти: ${plural(failed, 'стаття', 'статті', 'статей')} (помилка зображення).` : ''}`,
  keepNothing: 'Жодна стаття не підходить: нічого зберігати.',
  cancel: 'Скасувати',
  resume: 'Продовжити',
  discard: 'Відкинути',
  share: 'Поділитися',
  linkCopied: 'Посилання скопійовано.',
  copyThisLink: 'Скопіюйте це посилання',

  // Читання вголос
  listen: 'Слухати',
  pauseListening: 'Пауза',
  resumeListening: 'Продовжити',
  stopListening: 'Зупинити',
  previousSentence: 'Попереднє речення',
  nextSentence: 'Наступне речення',
  sentenceOf: (i: number, n: number) => `Речення ${num(i)} з ${num(n)}`,
  speed: 'Швидкість',
  voice: 'Голос',
  continueNext: 'Далі — наступна стаття',
  noOfflineVoice: (language: string) =>
    `Для мови «${language}» не встановлено жодного офлайн-голосу, тож цю статтю не можна прочитати вголос. Щоб додати голос, відкрийте налаштування синтезу мовлення на пристрої (Android: Налаштування › Спеціальні можливості › Синтез мовлення; iPhone та iPad: Параметри › Доступність › Озвучений вміст › Голоси; Windows: Параметри › Час і мова › Мовлення; Mac: Системні параметри › Доступність › Озвучений вміст), завантажте голос для цієї мови й перезавантажте сторінку.`,
  noSpeech: 'Цей браузер не вміє читати вголос.',
  listenFailed: 'Читання зупинилося: голос повідомив про помилку. Натисніть «Продовжити», щоб спробувати ще раз.',
  shortcutListen: 'Слухати / пауза (у статті)',

  // Storage panel
  storage: 'Сховище',
  storageMeasuring: 'Вимірюємо використане місце…',
  storageUsed: (used, available) => `Використано ${used} з ${available} доступних`,
  storageUnknown: 'Цей браузер не повідомляє, скільки місця використано.',
  storageUnavailable: 'Цей браузер не дозволяє Broadsheet зберігати дані, тож нічого не можна зберегти офлайн.',
  articlesStored: (n, readable) => `Збережено ${plural(n, 'стаття', 'статті', 'статей')}, повністю доступні без мережі: ${num(readable)}.`,
  imagesKept: (n, size, budget) => `Для читання без мережі збережено ${plural(n, 'зображення', 'зображення', 'зображень')}: ${size} з ${budget}.`,
  imageBudget: 'Місце для зображень',
  imageBudgetHelp:
    'Коли місце закінчується, першими видаляються зображення, якими найдовше не користувалися. Зображення із сайтів, що не дозволяють ними ділитися, займають приблизно 7 MB кожне: саме стільки рахує браузер.',
  persistAsk: 'Попросити зберігати дані постійно',
  persistAsking: 'Запитуємо браузер…',
  persistGranted: 'Постійне сховище надано: браузер не видалятиме дані Broadsheet, не запитавши вас.',
  persistDenied:
    'Постійне сховище не надано: браузер може видалити статті, коли на пристрої закінчиться місце. Якщо встановити застосунок, дозвіл надають частіше.',
  persistNotYet: 'Браузер може видалити статті, коли на пристрої закінчиться місце, якщо ви не попросите їх зберігати.',
  persistUnsupported: 'Цей браузер не можна попросити зберігати дані постійно.',
  keepSection: 'Зберегти статті офлайн',
  keepHelp: 'Завантажує зображення вибраних статей, щоб їх можна було читати зовсім без мережі.',
  keepTag: 'Зберегти цей тег офлайн',
  keepNewestLabel: 'Скільки найновіших статей',
  keepNewest: 'Зберегти найновіші',
  keepAll: 'Зберегти все офлайн',
  clearSection: 'Очистити дані',
  clearWhat: 'Що очистити',
  clearTag: 'Статті з тегом',
  clearReadOlder: 'Прочитані статті, старші за кількість днів',
  clearDays: 'Днів',
  clearAll: 'Усе',
  clearIncludeSaved: 'Видалити також збережені статті',
  clearIncludeHighlighted: 'Видалити також статті з виділеннями (виділення й нотатки залишаться)',
  clearButton: 'Очистити…',
  clearConfirm: (n, saved) =>
    `Видалити з цього пристрою ${plural(n, 'статтю', 'статті', 'статей')}${saved ? ', разом зі збереженими' : ''}? Статті, які ще є в індексі, повернуться (лише текст) під час наступної перевірки.`,
  clearConfirmYes: 'Видалити',
  clearNothing: 'Жодна стаття не підходить: нічого очищати.',
  cleared: (n) => `Видалено: ${plural(n, 'стаття', 'статті', 'статей')}.`,

  // Backup and hand-off
  transferSection: 'Резервна копія та передавання',
  transferHelp:
    'Резервна копія містить збережені статті, стан читання й налаштування. Файл передавання переносить статті з зображеннями на інший телефон: надішліть його через Bluetooth, кабель чи месенджер та імпортуйте там, мережа не потрібна.',
  exportWhat: 'Що експортувати',
  exportBackup: 'Резервна копія: збережені, стан читання, налаштування',
  exportSaved: 'Збережені статті, для іншого телефона',
  exportKept: 'Статті, збережені офлайн, для іншого телефона',
  exportTag: (tag) => `Статті з тегом «${isolate(tag)}», для іншого телефона`,
  exportButton: 'Експортувати',
  importButton: 'Імпортувати',
  working: 'Виконується…',
  exported: (n, name) => `До ${isolate(name)} записано ${plural(n, 'статтю', 'статті', 'статей')}.`,
  exportNothing: 'У цьому виборі немає статей для експорту.',
  importNothing: 'Нічого не надіслано для імпорту.',
  imported: (o, p) => {
    const parts = [`нових: ${num(o.added)}, оновлених: ${num(o.updated)}, уже були: ${num(o.unchanged)}`];
    if (p.kind === 'backup') parts.push(`об’єднано станів читання: ${num(o.states)}`);
    if (o.settingsApplied) parts.push('налаштування застосовано');
    const bad = p.report.noId + p.report.notObject + p.tooMany + p.badStates;
    return `Імпортовано: ${parts.join('; ')}.${bad ? ` Пропущено недійсних записів: ${num(bad)}.` : ''}${p.report.truncatedFields ? ` Обрізано задовгих полів: ${num(p.report.truncatedFields)}.` : ''}`;
  },
  consentTitle: 'Імпортувати цей файл?',
  consentKind: 'Тип',
  consentBackup: 'Резервна копія: статті, стан читання й налаштування',
  consentHandoff: 'Статті, надіслані з іншого телефона',
  consentFile: 'Файл',
  consentArticles: 'Статті',
  consentArticleCounts: (fresh, stored) => `нових: ${num(fresh)}, уже збережених: ${num(stored)}`,
  consentStates: 'Стани читання',
  consentHighlights: 'Виділення',
  consentSettings: 'Налаштування',
  consentSettingsYes: 'Так: тема, розмір тексту, ширина рядка й ліміт зображень',
  consentSettingsNo: 'Немає',
  consentApplySettings: 'Також застосувати налаштування з цього файлу',
  consentPublisher: 'Статті, які є в індексі видавця, зберігають текст видавця: файл ніколи його не замінює.',
  consentForeign: 'Цей файл надіслав інший вебсайт, а не ви. Імпортуйте його, лише якщо ви на нього чекали.',
  consentImport: 'Імпортувати',
  consentCancel: 'Скасувати',
  importCancelled: 'Нічого не імпортовано.',
  importRejected: (name, r) =>
    `«${name}» не імпортовано: ${r.code === 'too-large' ? `файл більший за ${num(Math.round(r.bytes / 1048576))} MB.` : r.code === 'unreadable' ? 'файл не вдалося прочитати.' : r.code === 'empty' ? 'у ньому немає статей, станів читання чи налаштувань.' : feed(r.error)} Збережене не змінилося.`,
  downloadTitle: 'Завантажити всі статті зараз?',
  downloadWhy: 'Це велике завантаження. На мобільному інтернеті воно може коштувати грошей.',
  downloadCost: (articles, size) =>
    [articles !== undefined ? plural(articles, 'стаття', 'статті', 'статей') : '', size ?? 'розмір невідомий'].filter(Boolean).join(' · '),
  downloadAll: 'Завантажити все',
  downloadNewest: (n) => `Лише ${num(n)} найновіших`,
  notNow: 'Не зараз',
  keepTitle: 'Зберегти ці статті для читання без мережі?',
  dataSaver: 'Економія даних',
  saveData: 'Економити дані',
  saveDataHint: 'Зображення в статтях завантажуються лише після дотику, а на мобільному інтернеті нічого не оновлюється у фоні.',
  browserSavesData: 'Ваш браузер просить економити дані, тож економія даних увімкнена.',
  imagesLabel: 'Зображення в статтях',
  imagesAlways: 'Завжди',
  imagesWifi: 'Лише через Wi-Fi',
  imagesNever: 'Ніколи',
  askAbove: 'Питати перед завантаженням понад',
  dataUsed: 'Використано даних',
  dataUsedFigures: (month, total) => `Цього місяця: ${month} · Загалом: ${total}`,
  dataUsedSince: (date) => `Завантажено оновленнями та «Зберегти офлайн» з ${date}.`,
  resetDataUsed: 'Скинути лічильник',
  showImage: (alt) => (alt ? `Показати зображення: ${alt}` : 'Показати зображення'),

  // The reading view (moved from main.ts: not needed for the first paint)
  backToList: 'Усі статті',
  openOriginal: 'Читати на сайті видавця',
  linkedArticle: 'Стаття за посиланням',
  by: 'Автор:',
  updatedOn: 'оновлено',
  articleMissing: 'Цієї статті немає на цьому пристрої.',
  articleMissingHint: 'Можливо, її ще не завантажено. Під’єднайтеся до інтернету й відкрийте список, щоб отримати її.',
  noBody: 'У цієї статті немає тексту, крім анотації.',
  save: 'Зберегти',
  markUnread: 'Позначити непрочитаним',
  markRead: 'Позначити прочитаним',
  markedUnread: 'Позначено непрочитаним.',
  resumed: (p) => `Продовжуємо з ${num(p)}%.`,
  readingProgress: 'Прогрес читання',
  bodyLoading: 'Завантажуємо повний текст…',
  bodyUnavailable: 'Повний текст цієї статті ще не завантажено. Під’єднайтеся до інтернету, щоб його прочитати; нижче — анотація.',
  bodyFailed: (f) => `Не вдалося завантажити повний текст: ${bodyReason(f)}. Показано анотацію.`,

  // Settings (moved from main.ts: not needed for the first paint)
  appearance: 'Вигляд',
  theme: 'Тема',
  themeSystem: 'Як на пристрої',
  themeLight: 'Світла',
  themeDark: 'Темна',
  themeSepia: 'Сепія',
  textSize: 'Розмір тексту',
  lineWidth: 'Ширина рядка',
  widthNarrow: 'Вузька',
  widthMedium: 'Середня',
  widthWide: 'Широка',
  motion: 'Анімація',
  motionSystem: 'Як на пристрої',
  motionReduce: 'Зменшити анімацію',
  uiLanguage: 'Мова застосунку',
  languageAuto: 'Як у браузері',
  sample: 'Приклад тексту: портові робітники проголосували за страйк у понеділок.',
  installApp: 'Встановити застосунок',
  installHelp: 'Встановіть Broadsheet, щоб відкривати його з головного екрана, як будь-який інший застосунок, навіть без мережі.',
  iosInstall: 'Щоб установити на iPhone чи iPad: натисніть «Поділитися», а потім «На початковий екран».',
  installed: 'Broadsheet встановлено на цьому пристрої.',
  shortcuts: 'Клавіатурні скорочення',
  shortcutSearch: 'Пошук',
  shortcutNext: 'Наступна / попередня стаття',
  shortcutOpen: 'Відкрити статтю',
  shortcutBack: 'Назад до списку',
  sync: 'Статті',
  lastUpdate: 'Останнє оновлення',
  backgroundRefresh: 'Коли застосунок встановлено, нові статті завантажуються й у фоновому режимі.',
  version: (v) => `Версія ${v}`,
  fullResync: 'Повна синхронізація',

  // More filters (moved from main.ts: loaded when the panel opens)
  findAuthor: 'Знайти автора',
  unreadOnly: 'Лише непрочитані',
  savedOnly: 'Лише збережені',
  authorLabel: 'Автор',
  anyAuthor: 'Будь-який автор',
  languageLabel: 'Мова',
  anyLanguage: 'Будь-яка мова',
  fromDate: 'Від',
  toDate: 'До',

  // Mark all as read (moved from main.ts: its button loads after the first paint)
  markAllRead: (n) => `Позначити ${num(n)} як прочитані`,
  undo: 'Скасувати',
  markedAllRead: (n) => `${plural(n, 'статтю', 'статті', 'статей')} позначено як прочитані.`,
  undone: 'Усе повернуто, як було.',

  // The alert's sentences (moved from main.ts: loaded when there is something to say)
  dbUnavailable:
    'Цей браузер не дозволяє Broadsheet зберігати дані (так буває в приватному режимі), тому статті доступні лише онлайн і не збережуться для читання без мережі.',
  dbUpgrade: 'Broadsheet оновлено в іншій вкладці. Перезавантажте цю вкладку, щоб продовжити.',
  failure,
  skipped,
  storedKept,
  repaired: (r) => repaired(r),
  parseNotes: (r) => [skipped(r), repaired(r)].filter(Boolean).join(' '),
  evicted:
    'Браузер видалив статті, збережені на цьому пристрої, імовірно, щоб звільнити місце. Їх буде завантажено знову, щойно сервер стане доступним.',
  /** Added to the eviction alert in WebKit outside the installed app. */
  webkitEvicted:
    'На iPhone та iPad статті зберігаються, лише якщо Broadsheet додано на початковий екран: натисніть «Поділитися», а потім «На початковий екран».',
  evictedRestored: 'Браузер видаляв статті, збережені на цьому пристрої, імовірно, щоб звільнити місце. Їх уже завантажено знову.',
  dbClosed: 'Браузер закрив сховище Broadsheet на цьому пристрої (дані було очищено або скінчилося місце). Перезавантажте цю вкладку, щоб продовжити.',
  partialSaved: (pages, articles) => `Збережено ${plural(articles, 'статтю', 'статті', 'статей')} з ${plural(pages, 'сторінки', 'сторінок', 'сторінок')}; решту буде завантажено наступного разу.`,
  stoppedAtLoop: 'Індекс статей посилається на вже прочитану сторінку, тому завантаження зупинилося там.',
  stoppedAtLimit: (pages) => `Завантаження зупинилося після ${num(pages)} сторінок — це найбільше за одне оновлення.`,

  // The update prompt (moved from main.ts: it loads right after the first paint)
  updateReady: 'Готова нова версія Broadsheet.',
  reload: 'Перезавантажити',
  offlineReady: 'Broadsheet готовий працювати без мережі.',

  // The sync bar's progress (moved from main.ts: it loads with the first sync of several pages)
  syncProgressLabel: 'Поступ завантаження',
  syncProgress: (pages, articles) => `Завантажено ${plural(pages, 'сторінку', 'сторінки', 'сторінок')} · ${plural(articles, 'статтю', 'статті', 'статей')}`,
};

export default lazy;

function bodyReason(f: SyncFailure): string {
  switch (f.kind) {
    case 'offline':
      return 'немає з’єднання';
    case 'timeout':
      return `сервер не відповів за ${num(f.seconds)} с`;
    case 'http':
      return `сервер відповів ${f.status}`;
    case 'too-large':
      return `він більший за ${num(Math.round(f.bytes / 1048576))} МБ`;
    default:
      return 'не вдалося зв’язатися із сервером';
  }
}

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

function feed(e: FeedError): string {
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
