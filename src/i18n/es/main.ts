import type { FeedError, ParseReport } from '../../core/feed/types';
import type { SyncFailure } from '../../core/sync-types';
import { ARTICLE_CAPS } from '../../core/feed/caps';

const LIMITS_TAGS = ARTICLE_CAPS.tagsPerItem;
const LIMITS_AUTHORS = ARTICLE_CAPS.authorsPerItem;
import { num, pick, isolate } from '../format';
import type { Strings } from '../en/main';

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
  if (r.futureDates) parts.push(`se ${pick(r.futureDates, { one: 'corrigió', other: 'corrigieron' })} ${plural(r.futureDates, 'fecha de más de un día en el futuro', 'fechas de más de un día en el futuro')}`);
  if (r.cutTags) parts.push(`se ${pick(r.cutTags, { one: 'omitió', other: 'omitieron' })} ${plural(r.cutTags, 'etiqueta', 'etiquetas')} más allá de ${num(LIMITS_TAGS)} por artículo`);
  if (r.cutAuthors) parts.push(`se ${pick(r.cutAuthors, { one: 'omitió', other: 'omitieron' })} ${plural(r.cutAuthors, 'autor', 'autores')} más allá de ${num(LIMITS_AUTHORS)} por artículo`);
  if (!parts.length) return '';
  const s = parts.join('; ');
  return `${s.replace(/^./, (c) => c.toUpperCase())}.`;
}

export function feed(e: FeedError): string {
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

const es: Strings = {
  appName: 'Broadsheet',
  searchLabel: 'Buscar artículos',
  searchPlaceholder: 'Palabras del título, texto, etiquetas, autores',
  tagLabel: 'Etiqueta',
  allTags: 'Todas las etiquetas',
  findTag: 'Buscar una etiqueta',
  clearFilters: 'Quitar filtros',
  articleCount: (n) => plural(n, 'artículo', 'artículos'),
  filtered: 'filtrados',
  listLabel: 'Artículos',
  loading: 'Cargando artículos…',
  firstSync: 'Descargando artículos para leer sin conexión…',
  noArticlesYet: 'Todavía no hay artículos guardados en este dispositivo. Conéctate a internet una vez para descargarlos.',
  noMatch: (q) => (q ? `Ningún artículo guardado coincide con «${isolate(q)}».` : 'Ningún artículo guardado coincide con este filtro.'),
  untitled: 'Sin título',
  tags: 'Etiquetas',
  articleLoading: 'Abriendo el artículo…',
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

  savedBadge: 'Guardado',
  unreadBadge: 'No leído',

  moreFilters: 'Más filtros',
  activeFilters: (n) => plural(n, 'filtro activo', 'filtros activos'),

  settings: 'Ajustes',
  highlights: 'Subrayados',
  highlightCount: (n) => plural(n, 'subrayado', 'subrayados'),
  // List rows
  rowOffline: 'Se puede leer sin conexión',
  rowNotOffline: 'Aún no está completo sin conexión',
  minRead: (n) => `${num(n)} min de lectura`,
  offlineCalm: (n) => `Sin conexión · ${plural(n, 'artículo', 'artículos')} en este teléfono`,

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
  syncProgressLabel: 'Progreso de la descarga',
  syncProgress: (pages, articles) => `Descargadas ${plural(pages, 'página', 'páginas')} · ${plural(articles, 'artículo', 'artículos')}`,
  partialSaved: (pages, articles) => `Se guardaron ${plural(articles, 'artículo', 'artículos')} de ${plural(pages, 'página', 'páginas')}; el resto se descargará la próxima vez.`,
  stoppedAtLoop: 'El índice de artículos enlaza con una página ya leída, así que la descarga se detuvo ahí.',
  stoppedAtLimit: (pages) => `La descarga se detuvo tras ${num(pages)} páginas, el máximo de una actualización.`,
};

export default es;
