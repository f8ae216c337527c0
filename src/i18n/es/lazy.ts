import { num, pick } from '../format';
import type { LazyStrings } from '../en/lazy';
import { feed } from './main';

const plural = (n: number, one: string, other: string) => `${num(n)} ${pick(n, { one, other })}`;

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
    if (p.kind === 'backup') parts.push(plural(o.states, 'estado de lectura combinado', 'estados de lectura combinados'));
    if (p.settings) parts.push('ajustes aplicados');
    const bad = p.report.noId + p.report.notObject + p.tooMany + p.badStates;
    return `Importado: ${parts.join('; ')}.${bad ? ` Se ${pick(bad, { one: 'omitió', other: 'omitieron' })} ${plural(bad, 'entrada no válida', 'entradas no válidas')}.` : ''}${p.report.truncatedFields ? ` ${plural(p.report.truncatedFields, 'campo demasiado largo se recortó', 'campos demasiado largos se recortaron')}.` : ''}`;
  },
  importRejected: (name, r) =>
    `«${name}» no se importó: ${r.code === 'too-large' ? `pesa más de ${num(Math.round(r.bytes / 1048576))} MB.` : r.code === 'unreadable' ? 'no se pudo leer el archivo.' : r.code === 'empty' ? 'no contiene artículos, estados de lectura ni ajustes.' : feed(r.error)} No cambió nada de lo guardado.`,
};

export default lazy;
