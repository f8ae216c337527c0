import type { FeedError, ParseReport } from '../../core/feed/types';
import type { SyncFailure } from '../../core/sync-types';
import { num, pick } from '../format';
import type { Strings } from '../en/main';
import type { OfflineStrings } from '../en/lazy';

const plural = (n: number, one: string, other: string) => `${num(n)} ${pick(n, { one, other })}`;
const storedKept = 'Los artículos guardados en este dispositivo no han cambiado.';

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
  if (!parts.length) return '';
  const s = parts.join('; ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function bodyReason(f: SyncFailure): string {
  switch (f.kind) {
    case 'offline':
      return 'no hay conexión';
    case 'timeout':
      return `el servidor no respondió en ${num(f.seconds)} segundos`;
    case 'http':
      return `el servidor respondió ${f.status}${f.statusText ? ` ${f.statusText}` : ''}`;
    case 'too-large':
      return `supera los ${num(Math.round(f.bytes / 1048576))} MB`;
    default:
      return 'no se pudo conectar con el servidor';
  }
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
      return `El índice de artículos no es JSON válido${e.detail ? ` (${e.detail})` : ''}.`;
    case 'not-object':
      return 'El índice de artículos no es un JSON Feed: no es un objeto JSON.';
    case 'no-version':
      return 'El índice de artículos no es un JSON Feed: no tiene "version".';
    case 'bad-version':
      return `El índice de artículos no es un JSON Feed que esta aplicación pueda leer (versión «${e.detail ?? ''}»).`;
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
      return `No se pudo cargar el índice de artículos: el servidor respondió ${f.status}${f.statusText ? ` ${f.statusText}` : ''}. ${storedKept}`;
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

const es: Strings = {
  appName: 'Broadsheet',
  searchLabel: 'Buscar artículos',
  searchPlaceholder: 'Palabras del título, texto, etiquetas, autores',
  tagLabel: 'Etiqueta',
  allTags: 'Todas las etiquetas',
  clearFilters: 'Quitar filtros',
  articleCount: (n) => plural(n, 'artículo', 'artículos'),
  filtered: 'filtrados',
  listLabel: 'Artículos',
  loading: 'Cargando artículos…',
  firstSync: 'Descargando artículos para leer sin conexión…',
  noArticlesYet: 'Todavía no hay artículos guardados en este dispositivo. Conéctate a internet una vez para descargarlos.',
  noMatch: (q) => (q ? `Ningún artículo guardado coincide con «${q}».` : 'Ningún artículo guardado coincide con este filtro.'),
  untitled: 'Sin título',
  backToList: 'Todos los artículos',
  openOriginal: 'Leer en el sitio del editor',
  linkedArticle: 'Artículo enlazado',
  by: 'Por',
  tags: 'Etiquetas',
  updatedOn: 'actualizado',
  articleMissing: 'Este artículo no está guardado en este dispositivo.',
  articleMissingHint: 'Quizá aún no se ha descargado. Conéctate a internet y abre la lista para obtenerlo.',
  articleLoading: 'Abriendo el artículo…',
  noBody: 'Este artículo no tiene más texto que su resumen.',
  checkNow: 'Buscar artículos nuevos',
  checking: 'Buscando artículos nuevos…',
  updatedAgo: (when) => `Actualizado ${when}`,
  neverUpdated: 'Aún sin actualizar',
  offlineBadge: 'Sin conexión',
  wentOffline: 'No hay conexión. Todo lo guardado en este dispositivo se puede seguir leyendo.',
  backOnline: 'Conexión recuperada.',
  skipped,
  storedKept,
  updateReady: 'Hay una nueva versión de Broadsheet.',
  reload: 'Recargar',
  offlineReady: 'Broadsheet ya funciona sin conexión.',
  dbUnavailable:
    'Este navegador no deja que Broadsheet guarde datos (la navegación privada puede hacerlo), así que los artículos solo se leen en línea y no estarán disponibles sin conexión.',
  dbUpgrade: 'Broadsheet se actualizó en otra pestaña. Recarga esta pestaña para continuar.',
  failure,

  save: 'Guardar',
  savedBadge: 'Guardado',
  unreadBadge: 'No leído',
  markUnread: 'Marcar como no leído',
  markRead: 'Marcar como leído',
  markedUnread: 'Marcado como no leído.',
  resumed: (p) => `Retomado en el ${num(p)} %.`,
  readingProgress: 'Progreso de lectura',

  moreFilters: 'Más filtros',
  unreadOnly: 'Solo no leídos',
  savedOnly: 'Solo guardados',
  authorLabel: 'Autor',
  anyAuthor: 'Cualquier autor',
  languageLabel: 'Idioma',
  anyLanguage: 'Cualquier idioma',
  fromDate: 'Desde',
  toDate: 'Hasta',
  activeFilters: (n) => `${plural(n, 'filtro activo', 'filtros activos')}`,

  settings: 'Ajustes',
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
  // List rows
  rowOffline: 'Se puede leer sin conexión',
  rowNotOffline: 'Aún no está completo sin conexión',

  // Reliability
  repaired: (r) => repaired(r),
  parseNotes: (r) => [skipped(r), repaired(r)].filter(Boolean).join(' '),
  evicted:
    'El navegador borró los artículos guardados en este dispositivo, probablemente para liberar espacio. Se volverán a descargar en cuanto se pueda contactar con el servidor.',
  evictedRestored: 'El navegador había borrado los artículos guardados en este dispositivo, probablemente para liberar espacio. Ya se han vuelto a descargar.',
  dbClosed: 'El navegador cerró el almacenamiento de Broadsheet en este dispositivo (se borraron sus datos o se acabó el espacio). Recarga esta pestaña para continuar.',

  // Archive sync and search
  searching: 'Buscando…',
  indexing: 'El índice de búsqueda aún se está creando en este dispositivo: pueden aparecer más resultados.',
  fullResync: 'Resincronizar todo',
  syncProgressLabel: 'Progreso de la descarga',
  syncProgress: (pages, articles) => `Descargadas ${plural(pages, 'página', 'páginas')} · ${plural(articles, 'artículo', 'artículos')}`,
  partialSaved: (pages, articles) => `Se guardaron ${plural(articles, 'artículo', 'artículos')} de ${plural(pages, 'página', 'páginas')}; el resto se descargará la próxima vez.`,
  stoppedAtLoop: 'El índice de artículos enlaza con una página ya leída, así que la descarga se detuvo ahí.',
  stoppedAtLimit: (pages) => `La descarga se detuvo tras ${num(pages)} páginas, el máximo de una actualización.`,
  bodyLoading: 'Descargando el texto completo…',
  bodyUnavailable: 'El texto completo de este artículo aún no se ha descargado. Conéctate a internet para leerlo; abajo está el resumen.',
  bodyFailed: (f) => `No se pudo descargar el texto completo: ${bodyReason(f)}. Se muestra el resumen.`,
};

export default es;

/** The offline, storage, backup and hand-off views' strings (see strings-offline.ts). */
export const offline: OfflineStrings = {
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
  exportTag: (tag) => `Artículos con la etiqueta «${tag}», para otro teléfono`,
  exportButton: 'Exportar',
  importButton: 'Importar',
  working: 'Trabajando…',
  exported: (n, name) => `${plural(n, 'artículo escrito', 'artículos escritos')} en ${name}.`,
  exportNothing: 'No hay ningún artículo que exportar en esta opción.',
  importNothing: 'No se compartió nada que importar.',
  imported: (o, p) => {
    const parts = [`${plural(o.added, 'artículo nuevo', 'artículos nuevos')}, ${num(o.updated)} actualizados, ${num(o.unchanged)} ya estaban`];
    if (p.kind === 'backup') parts.push(`${plural(o.states, 'estado de lectura combinado', 'estados de lectura combinados')}`);
    if (p.settings) parts.push('ajustes aplicados');
    const bad = p.report.noId + p.report.notObject + p.tooMany + p.badStates;
    return `Importado: ${parts.join('; ')}.${bad ? ` Se ${pick(bad, { one: 'omitió', other: 'omitieron' })} ${plural(bad, 'entrada no válida', 'entradas no válidas')}.` : ''}${p.report.truncatedFields ? ` ${plural(p.report.truncatedFields, 'campo demasiado largo se recortó', 'campos demasiado largos se recortaron')}.` : ''}`;
  },
  importRejected: (name, r) =>
    `«${name}» no se importó: ${r.code === 'too-large' ? `pesa más de ${num(Math.round(r.bytes / 1048576))} MB.` : r.code === 'unreadable' ? 'no se pudo leer el archivo.' : r.code === 'empty' ? 'no contiene artículos, estados de lectura ni ajustes.' : feed(r.error)} No cambió nada de lo guardado.`,
};
