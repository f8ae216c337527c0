import type { FeedError, ParseReport } from '../../core/feed/types';
import type { SyncFailure } from '../../core/sync-types';
import { ARTICLE_CAPS } from '../../core/feed/caps';

const LIMITS_TAGS = ARTICLE_CAPS.tagsPerItem;
const LIMITS_AUTHORS = ARTICLE_CAPS.authorsPerItem;
import { num, pick, isolate } from '../format';
import type { LazyStrings } from '../en/lazy';

const plural = (n: number, one: string, other: string) => `${num(n)} ${pick(n, { one, other })}`;
const storedKept = 'Los artículos guardados en este dispositivo no han cambiado.';

/** The offline, storage, backup and hand-off views' strings (see ../lazy.ts). */
const lazy: LazyStrings = {
  webkitStorageNote:
    'El navegador de este dispositivo (Safari, o cualquier navegador en iPhone y iPad) borra los artículos guardados si no abres Broadsheet durante 7 días. Añádela a la pantalla de inicio para conservarlos.',
  webkitStorageDismiss: 'Entendido',
  keepOffline: 'Guardar sin conexión',
  articleOffline: 'Se puede leer sin conexión',
  articleImagesMissing: 'Imágenes aún sin guardar',
  articleBodyMissing: 'Texto aún sin guardar',
  importedOn: (date) => `Importado de un archivo el ${date}.`,
  keepProgressLabel: 'Descarga para leer sin conexión',
  keepProgress: (done, total) => `Guardando artículos sin conexión: ${num(done)} de ${num(total)}.`,
  keepWaiting: (left) => `Esperando la red: ${plural(left, 'artículo pendiente', 'artículos pendientes')}.`,
  keepPaused: (left) => `Descarga cancelada: ${plural(left, 'artículo pendiente', 'artículos pendientes')}. Reanúdala para terminar.`,
  keepStorageFull: 'El almacenamiento del dispositivo está lleno: se quitaron las imágenes más antiguas y la descarga se detuvo.',
  keepDone: (kept, failed) =>
    `${plural(kept, 'artículo guardado', 'artículos guardados')} sin conexión.${failed ? ` ${plural(failed, 'artículo no se pudo', 'artículos no se pudieron')} guardar completos (falló una imagen).` : ''}`,
  keepNothing: 'Ningún artículo coincide: no hay nada que guardar.',
  cancel: 'Cancelar',
  resume: 'Reanudar',
  discard: 'Descartar',
  share: 'Compartir',
  linkCopied: 'Enlace copiado.',
  copyThisLink: 'Copia este enlace',

  // Lectura en voz alta
  listen: 'Escuchar',
  pauseListening: 'Pausa',
  resumeListening: 'Reanudar',
  stopListening: 'Detener',
  previousSentence: 'Frase anterior',
  nextSentence: 'Frase siguiente',
  sentenceOf: (i: number, n: number) => `Frase ${num(i)} de ${num(n)}`,
  speed: 'Velocidad',
  voice: 'Voz',
  continueNext: 'Seguir con el artículo siguiente',
  noOfflineVoice: (language: string) =>
    `No hay ninguna voz sin conexión instalada para ${language}, así que este artículo no se puede leer en voz alta. Para añadir una, abre los ajustes de texto a voz del dispositivo (Android: Ajustes › Accesibilidad › Texto a voz; iPhone y iPad: Ajustes › Accesibilidad › Contenido leído › Voces; Windows: Configuración › Hora e idioma › Voz; Mac: Ajustes del Sistema › Accesibilidad › Contenido leído), descarga una voz en ${language} y vuelve a cargar esta página.`,
  noSpeech: 'Este navegador no puede leer en voz alta.',
  listenFailed: 'La lectura se detuvo: la voz informó de un error. Pulsa Reanudar para volver a intentarlo.',
  shortcutListen: 'Escuchar / pausa (en un artículo)',

  // Storage panel
  storage: 'Almacenamiento',
  storageMeasuring: 'Midiendo el espacio usado…',
  storageUsed: (used, available) => `${used} usados de ${available} disponibles`,
  storageUnknown: 'Este navegador no indica cuánto espacio se usa.',
  storageUnavailable: 'Este navegador no deja que Broadsheet guarde datos, así que no se puede guardar nada sin conexión.',
  articlesStored: (n, readable) => `${plural(n, 'artículo guardado', 'artículos guardados')}, ${num(readable)} legibles por completo sin conexión.`,
  imagesKept: (n, size, budget) => `${plural(n, 'imagen guardada', 'imágenes guardadas')} para leer sin conexión: ${size} de ${budget}.`,
  imageBudget: 'Espacio para imágenes',
  imageBudgetHelp:
    'Cuando se llena, primero se quitan las imágenes usadas hace más tiempo. Las imágenes de sitios que no permiten compartirlas cuentan unos 7 MB cada una, que es lo que cobra el navegador.',
  persistAsk: 'Pedir que los datos se conserven',
  persistAsking: 'Preguntando al navegador…',
  persistGranted: 'Almacenamiento permanente concedido: el navegador no borrará los datos de Broadsheet sin preguntarte.',
  persistDenied:
    'Almacenamiento permanente no concedido: el navegador puede borrar los artículos si el dispositivo se queda sin espacio. Instalar la aplicación hace más probable que se conceda.',
  persistNotYet: 'El navegador puede borrar los artículos si el dispositivo se queda sin espacio, salvo que pidas conservarlos.',
  persistUnsupported: 'A este navegador no se le puede pedir que conserve los datos.',
  keepSection: 'Guardar artículos sin conexión',
  keepHelp: 'Descarga las imágenes de los artículos elegidos para poder leerlos sin ninguna red.',
  keepTag: 'Guardar esta etiqueta sin conexión',
  keepNewestLabel: 'Cuántos de los artículos más recientes',
  keepNewest: 'Guardar los más recientes',
  keepAll: 'Guardar todo sin conexión',
  clearSection: 'Borrar datos',
  clearWhat: 'Qué borrar',
  clearTag: 'Artículos con una etiqueta',
  clearReadOlder: 'Artículos leídos de hace más de unos días',
  clearDays: 'Días',
  clearAll: 'Todo',
  clearIncludeSaved: 'Quitar también los artículos guardados',
  clearIncludeHighlighted: 'Quitar también los artículos con subrayados (los subrayados y las notas se quedan)',
  clearButton: 'Borrar…',
  clearConfirm: (n, saved) =>
    `¿Quitar ${plural(n, 'artículo', 'artículos')} de este dispositivo${saved ? ', incluidos los guardados' : ''}? Los que sigan en el índice volverán, solo con texto, en la próxima comprobación.`,
  clearConfirmYes: 'Quitar',
  clearNothing: 'Ningún artículo coincide: no hay nada que borrar.',
  cleared: (n) => `${plural(n, 'artículo quitado', 'artículos quitados')}.`,

  // Backup and hand-off
  transferSection: 'Copia de seguridad y envío',
  transferHelp:
    'Una copia de seguridad contiene tus artículos guardados, el estado de lectura y los ajustes. Un archivo de envío lleva artículos con sus imágenes a otro teléfono: mándalo por Bluetooth, cable o mensajería e impórtalo allí, sin necesidad de red.',
  exportWhat: 'Qué exportar',
  exportBackup: 'Copia de seguridad: guardados, estado de lectura y ajustes',
  exportSaved: 'Artículos guardados, para otro teléfono',
  exportKept: 'Artículos guardados sin conexión, para otro teléfono',
  exportTag: (tag) => `Artículos con la etiqueta «${isolate(tag)}», para otro teléfono`,
  exportButton: 'Exportar',
  importButton: 'Importar',
  working: 'Trabajando…',
  exported: (n, name) => `${plural(n, 'artículo escrito', 'artículos escritos')} en ${isolate(name)}.`,
  exportNothing: 'No hay ningún artículo que exportar en esta opción.',
  importNothing: 'No se compartió nada que importar.',
  imported: (o, p) => {
    const parts = [`${plural(o.added, 'artículo nuevo', 'artículos nuevos')}, ${num(o.updated)} actualizados, ${num(o.unchanged)} ya estaban`];
    if (p.kind === 'backup') parts.push(plural(o.states, 'estado de lectura combinado', 'estados de lectura combinados'));
    if (o.settingsApplied) parts.push('ajustes aplicados');
    const bad = p.report.noId + p.report.notObject + p.tooMany + p.badStates;
    return `Importado: ${parts.join('; ')}.${bad ? ` Se ${pick(bad, { one: 'omitió', other: 'omitieron' })} ${plural(bad, 'entrada no válida', 'entradas no válidas')}.` : ''}${p.report.truncatedFields ? ` ${plural(p.report.truncatedFields, 'campo demasiado largo se recortó', 'campos demasiado largos se recortaron')}.` : ''}`;
  },
  consentTitle: '¿Importar este archivo?',
  consentKind: 'Tipo',
  consentBackup: 'Una copia de seguridad: artículos, estado de lectura y ajustes',
  consentHandoff: 'Artículos enviados desde otro teléfono',
  consentFile: 'Archivo',
  consentArticles: 'Artículos',
  consentArticleCounts: (fresh, stored) => `${plural(fresh, 'nuevo', 'nuevos')}, ${plural(stored, 'ya guardado', 'ya guardados')}`,
  consentStates: 'Estados de lectura',
  consentHighlights: 'Resaltados',
  consentSettings: 'Ajustes',
  consentSettingsYes: 'Sí: tema, tamaño del texto, ancho de línea y límite de imágenes',
  consentSettingsNo: 'Ninguno',
  consentApplySettings: 'Aplicar también los ajustes de este archivo',
  consentPublisher: 'Los artículos que figuran en el índice del editor conservan el texto del editor: un archivo nunca lo reemplaza.',
  consentForeign: 'Este archivo lo envió otro sitio web, no lo compartiste tú. Impórtalo solo si lo esperabas.',
  consentImport: 'Importar',
  consentCancel: 'Cancelar',
  importCancelled: 'No se importó nada.',
  importRejected: (name, r) =>
    `«${name}» no se importó: ${r.code === 'too-large' ? `pesa más de ${num(Math.round(r.bytes / 1048576))} MB.` : r.code === 'unreadable' ? 'no se pudo leer el archivo.' : r.code === 'empty' ? 'no contiene artículos, estados de lectura ni ajustes.' : feed(r.error)} No cambió nada de lo guardado.`,
  downloadTitle: '¿Descargar ahora todos los artículos?',
  downloadWhy: 'Es una descarga grande. Con datos móviles puede costarte.',
  downloadCost: (articles, size) =>
    [articles !== undefined ? plural(articles, 'artículo', 'artículos') : '', size ?? 'tamaño desconocido'].filter(Boolean).join(' · '),
  downloadAll: 'Descargar todo',
  downloadNewest: (n) => `Solo los ${num(n)} más recientes`,
  notNow: 'Ahora no',
  keepTitle: '¿Guardar estos artículos sin conexión?',
  dataSaver: 'Ahorro de datos',
  saveData: 'Ahorrar datos',
  saveDataHint: 'Las imágenes de los artículos se cargan solo al tocarlas, y con datos móviles no se actualiza nada en segundo plano.',
  browserSavesData: 'Tu navegador pide ahorrar datos, así que el ahorro de datos está activado.',
  imagesLabel: 'Imágenes de los artículos',
  imagesAlways: 'Siempre',
  imagesWifi: 'Solo con wifi',
  imagesNever: 'Nunca',
  askAbove: 'Preguntar antes de descargar más de',
  dataUsed: 'Datos usados',
  dataUsedFigures: (month, total) => `Este mes: ${month} · En total: ${total}`,
  dataUsedSince: (date) => `Descargado por las actualizaciones y Guardar sin conexión desde el ${date}.`,
  resetDataUsed: 'Poner a cero',
  showImage: (alt) => (alt ? `Mostrar imagen: ${alt}` : 'Mostrar imagen'),

  // The reading view (moved from main.ts: not needed for the first paint)
  backToList: 'Todos los artículos',
  openOriginal: 'Leer en el sitio del editor',
  linkedArticle: 'Artículo enlazado',
  by: 'Por',
  updatedOn: 'actualizado',
  articleMissing: 'Este artículo no está guardado en este dispositivo.',
  articleMissingHint: 'Quizá aún no se ha descargado. Conéctate a internet y abre la lista para obtenerlo.',
  noBody: 'Este artículo no tiene más texto que su resumen.',
  save: 'Guardar',
  markUnread: 'Marcar como no leído',
  markRead: 'Marcar como leído',
  markedUnread: 'Marcado como no leído.',
  resumed: (p) => `Retomado en el ${num(p)} %.`,
  readingProgress: 'Progreso de lectura',
  bodyLoading: 'Descargando el texto completo…',
  bodyUnavailable: 'El texto completo de este artículo aún no se ha descargado. Conéctate a internet para leerlo; abajo está el resumen.',
  bodyFailed: (f) => `No se pudo descargar el texto completo: ${bodyReason(f)}. Se muestra el resumen.`,

  // Settings (moved from main.ts: not needed for the first paint)
  appearance: 'Apariencia',
  theme: 'Tema',
  themeSystem: 'Igual que el dispositivo',
  themeLight: 'Claro',
  themeDark: 'Oscuro',
  themeSepia: 'Sepia',
  textSize: 'Tamaño del texto',
  lineWidth: 'Ancho de línea',
  widthNarrow: 'Estrecho',
  widthMedium: 'Medio',
  widthWide: 'Ancho',
  motion: 'Movimiento',
  motionSystem: 'Igual que el dispositivo',
  motionReduce: 'Reducir el movimiento',
  uiLanguage: 'Idioma de la aplicación',
  languageAuto: 'Igual que el navegador',
  sample: 'Texto de ejemplo: los trabajadores del puerto votaron ir a la huelga el lunes.',
  installApp: 'Instalar la aplicación',
  installHelp: 'Instala Broadsheet para abrirla desde la pantalla de inicio, como cualquier otra aplicación, incluso sin conexión.',
  iosInstall: 'Para instalarla en iPhone o iPad: toca el botón Compartir y luego «Añadir a pantalla de inicio».',
  installed: 'Broadsheet está instalada en este dispositivo.',
  shortcuts: 'Atajos de teclado',
  shortcutSearch: 'Buscar',
  shortcutNext: 'Artículo siguiente / anterior',
  shortcutOpen: 'Abrir el artículo',
  shortcutBack: 'Volver a la lista',
  sync: 'Artículos',
  lastUpdate: 'Última actualización',
  backgroundRefresh: 'Con la aplicación instalada, los artículos nuevos también se descargan en segundo plano.',
  version: (v) => `Versión ${v}`,
  fullResync: 'Resincronizar todo',

  // More filters (moved from main.ts: loaded when the panel opens)
  findAuthor: 'Buscar un autor',
  unreadOnly: 'Solo no leídos',
  savedOnly: 'Solo guardados',
  authorLabel: 'Autor',
  anyAuthor: 'Cualquier autor',
  languageLabel: 'Idioma',
  anyLanguage: 'Cualquier idioma',
  fromDate: 'Desde',
  toDate: 'Hasta',

  // Mark all as read (moved from main.ts: its button loads after the first paint)
  markAllRead: (n) => `Marcar ${num(n)} como leídos`,
  undo: 'Deshacer',
  markedAllRead: (n) => `${plural(n, 'artículo marcado', 'artículos marcados')} como leídos.`,
  undone: 'Todo quedó como antes.',

  // The alert's sentences (moved from main.ts: loaded when there is something to say)
  dbUnavailable:
    'Este navegador no deja que Broadsheet guarde datos (la navegación privada puede hacerlo), así que los artículos solo se leen en línea y no estarán disponibles sin conexión.',
  dbUpgrade: 'Broadsheet se actualizó en otra pestaña. Recarga esta pestaña para continuar.',
  failure,
  skipped,
  storedKept,
  repaired: (r) => repaired(r),
  parseNotes: (r) => [skipped(r), repaired(r)].filter(Boolean).join(' '),
  evicted:
    'El navegador borró los artículos guardados en este dispositivo, probablemente para liberar espacio. Se volverán a descargar en cuanto se pueda contactar con el servidor.',
  /** Added to the eviction alert in WebKit outside the installed app. */
  webkitEvicted:
    'En iPhone y iPad, los artículos solo se conservan si Broadsheet está en la pantalla de inicio: toca el botón Compartir y luego «Añadir a pantalla de inicio».',
  evictedRestored: 'El navegador había borrado los artículos guardados en este dispositivo, probablemente para liberar espacio. Ya se han vuelto a descargar.',
  dbClosed: 'El navegador cerró el almacenamiento de Broadsheet en este dispositivo (se borraron sus datos o se acabó el espacio). Recarga esta pestaña para continuar.',
  partialSaved: (pages, articles) => `Se guardaron ${plural(articles, 'artículo', 'artículos')} de ${plural(pages, 'página', 'páginas')}; el resto se descargará la próxima vez.`,
  stoppedAtLoop: 'El índice de artículos enlaza con una página ya leída, así que la descarga se detuvo ahí.',
  stoppedAtLimit: (pages) => `La descarga se detuvo tras ${num(pages)} páginas, el máximo de una actualización.`,

  // The update prompt (moved from main.ts: it loads right after the first paint)
  updateReady: 'Hay una nueva versión de Broadsheet.',
  reload: 'Recargar',
  offlineReady: 'Broadsheet ya funciona sin conexión.',

  // The sync bar's progress (moved from main.ts: it loads with the first sync of several pages)
  syncProgressLabel: 'Progreso de la descarga',
  syncProgress: (pages, articles) => `Descargadas ${plural(pages, 'página', 'páginas')} · ${plural(articles, 'artículo', 'artículos')}`,
};

export default lazy;

function bodyReason(f: SyncFailure): string {
  switch (f.kind) {
    case 'offline':
      return 'no hay conexión';
    case 'timeout':
      return `el servidor no respondió en ${num(f.seconds)} segundos`;
    case 'http':
      return `el servidor respondió ${f.status}`;
    case 'too-large':
      return `supera los ${num(Math.round(f.bytes / 1048576))} MB`;
    default:
      return 'no se pudo conectar con el servidor';
  }
}

function skipped(r: ParseReport): string {
  const parts: string[] = [];
  if (r.noId) parts.push(`${plural(r.noId, 'elemento', 'elementos')} sin id`);
  if (r.notObject) parts.push(`${plural(r.notObject, 'entrada que no es', 'entradas que no son')} un artículo`);
  if (r.duplicates) parts.push(plural(r.duplicates, 'copia duplicada', 'copias duplicadas'));
  const n = r.noId + r.notObject + r.duplicates;
  return n ? `Se ${pick(n, { one: 'omitió', other: 'omitieron' })} ${plural(n, 'elemento', 'elementos')}: ${parts.join(', ')}.` : '';
}

function repaired(r: ParseReport): string {
  const parts: string[] = [];
  if (r.badDates) parts.push(`${pick(r.badDates, { one: 'no se pudo leer', other: 'no se pudieron leer' })} ${plural(r.badDates, 'fecha', 'fechas')}`);
  if (r.truncatedFields) parts.push(`se ${pick(r.truncatedFields, { one: 'acortó', other: 'acortaron' })} ${plural(r.truncatedFields, 'campo demasiado largo', 'campos demasiado largos')}`);
  if (r.futureDates) parts.push(`se ${pick(r.futureDates, { one: 'corrigió', other: 'corrigieron' })} ${plural(r.futureDates, 'fecha de más de un día en el futuro', 'fechas de más de un día en el futuro')}`);
  if (r.cutTags) parts.push(`se ${pick(r.cutTags, { one: 'omitió', other: 'omitieron' })} ${plural(r.cutTags, 'etiqueta', 'etiquetas')} más allá de ${num(LIMITS_TAGS)} por artículo`);
  if (r.cutAuthors) parts.push(`se ${pick(r.cutAuthors, { one: 'omitió', other: 'omitieron' })} ${plural(r.cutAuthors, 'autor', 'autores')} más allá de ${num(LIMITS_AUTHORS)} por artículo`);
  if (!parts.length) return '';
  const s = parts.join('; ');
  return `${s.replace(/^./, (c) => c.toUpperCase())}.`;
}

function feed(e: FeedError): string {
  switch (e.code) {
    case 'empty':
      return 'El índice de artículos es un archivo vacío.';
    case 'html':
      return 'El servidor envió una página web en lugar del índice de artículos (quizá una página de error o de acceso).';
    case 'truncated':
      return 'El índice de artículos está incompleto: la descarga se cortó antes del final.';
    case 'not-json':
      return `El índice de artículos no es JSON válido.`;
    case 'not-object':
      return 'El índice de artículos no es un JSON Feed: no es un objeto JSON.';
    case 'no-version':
      return 'El índice de artículos no es un JSON Feed: no tiene "version".';
    case 'bad-version':
      return `El índice de artículos no es un JSON Feed que esta aplicación pueda leer (su «version» no es de JSON Feed).`;
    case 'no-items':
      return 'El índice de artículos no es un JSON Feed: no tiene lista "items".';
  }
}

function failure(f: SyncFailure): string {
  switch (f.kind) {
    case 'offline':
      return 'No hay conexión. Se muestran los artículos guardados en este dispositivo.';
    case 'network':
      return 'No se pudo conectar con el servidor. Se muestran los artículos guardados en este dispositivo.';
    case 'timeout':
      return `El servidor no respondió en ${num(f.seconds)} segundos. Se muestran los artículos guardados en este dispositivo.`;
    case 'http':
      return `No se pudo cargar el índice de artículos: el servidor respondió ${f.status}. ${storedKept}`;
    case 'too-large':
      return `El índice de artículos supera los ${num(Math.round(f.bytes / 1048576))} MB, así que no se cargó. ${storedKept}`;
    case 'feed':
      return `${feed(f.error)} ${storedKept}`;
    case 'no-articles': {
      const s = skipped(f.report);
      return `El índice no contiene ningún artículo legible${f.report.total ? ` (${plural(f.report.total, 'elemento', 'elementos')})` : ''}. ${s ? `${s} ` : ''}${storedKept}`;
    }
    case 'storage':
      return `El almacenamiento del dispositivo está lleno: se guardaron ${num(f.written)} de ${num(f.total)} artículos. Libera espacio y vuelve a buscar artículos nuevos.`;
  }
}
