import { num, pick, isolate } from '../format';
import type { Strings } from '../en/main';

const plural = (n: number, one: string, other: string) => `${num(n)} ${pick(n, { one, other })}`;

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

  // Archive sync and search
  searching: 'Buscando…',
  indexing: 'El índice de búsqueda aún se está creando en este dispositivo: pueden aparecer más resultados.',
};

export default es;
