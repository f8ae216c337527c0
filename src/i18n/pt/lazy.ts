import { num, pick } from '../format';
import type { LazyStrings } from '../en/lazy';
import { feed } from './main';

const plural = (n: number, one: string, other: string) => `${num(n)} ${pick(n, { one, other })}`;

/** The offline, storage, backup and hand-off views' strings (see ../lazy.ts). */
const lazy: LazyStrings = {
  webkitStorageNote:
    'O navegador deste dispositivo (o Safari, ou qualquer navegador no iPhone e no iPad) apaga os artigos guardados se o Broadsheet ficar 7 dias sem ser aberto. Adicione-o à Tela de Início para mantê-los.',
  webkitStorageDismiss: 'Entendi',
  keepOffline: 'Guardar sem conexão',
  articleOffline: 'Pode ser lido sem conexão',
  articleImagesMissing: 'Imagens ainda não guardadas',
  articleBodyMissing: 'Texto ainda não guardado',
  importedOn: (date) => `Importado de um arquivo em ${date}.`,
  keepProgressLabel: 'Download para ler sem conexão',
  keepProgress: (done, total) => `Guardando artigos sem conexão: ${num(done)} de ${num(total)}.`,
  keepWaiting: (left) => `Aguardando a rede: ${plural(left, 'artigo pendente', 'artigos pendentes')}.`,
  keepPaused: (left) => `Download cancelado: ${plural(left, 'artigo pendente', 'artigos pendentes')}. Retome para terminar.`,
  keepStorageFull: 'O armazenamento do dispositivo está cheio: as imagens mais antigas foram removidas e o download parou.',
  keepDone: (kept, failed) =>
    `${plural(kept, 'artigo guardado', 'artigos guardados')} sem conexão.${failed ? ` ${plural(failed, 'artigo não pôde', 'artigos não puderam')} ser guardados por completo (uma imagem falhou).` : ''}`,
  keepNothing: 'Nenhum artigo corresponde: não há nada para guardar.',
  cancel: 'Cancelar',
  resume: 'Retomar',
  discard: 'Descartar',
  share: 'Compartilhar',
  linkCopied: 'Link copiado.',
  copyThisLink: 'Copie este link',

  // Storage panel
  storage: 'Armazenamento',
  storageMeasuring: 'Medindo o espaço usado…',
  storageUsed: (used, available) => `${used} usados de ${available} disponíveis`,
  storageUnknown: 'Este navegador não informa quanto espaço é usado.',
  storageUnavailable: 'Este navegador não permite que o Broadsheet guarde dados, então nada pode ser guardado sem conexão.',
  articlesStored: (n, readable) => `${plural(n, 'artigo guardado', 'artigos guardados')}, ${num(readable)} legíveis por completo sem conexão.`,
  imagesKept: (n, size, budget) => `${plural(n, 'imagem guardada', 'imagens guardadas')} para ler sem conexão: ${size} de ${budget}.`,
  imageBudget: 'Espaço para imagens',
  imageBudgetHelp:
    'Quando fica cheio, as imagens usadas há mais tempo saem primeiro. Imagens de sites que não permitem compartilhá-las contam cerca de 7 MB cada, que é o que o navegador cobra.',
  persistAsk: 'Pedir para manter os dados',
  persistAsking: 'Perguntando ao navegador…',
  persistGranted: 'Armazenamento permanente concedido: o navegador não apagará os dados do Broadsheet sem perguntar.',
  persistDenied:
    'Armazenamento permanente não concedido: o navegador pode apagar os artigos se faltar espaço no dispositivo. Instalar o app torna a concessão mais provável.',
  persistNotYet: 'O navegador pode apagar os artigos se faltar espaço no dispositivo, a menos que você peça para mantê-los.',
  persistUnsupported: 'Não é possível pedir a este navegador que mantenha os dados.',
  keepSection: 'Guardar artigos sem conexão',
  keepHelp: 'Baixa as imagens dos artigos escolhidos para que possam ser lidos sem nenhuma rede.',
  keepTag: 'Guardar esta etiqueta sem conexão',
  keepNewestLabel: 'Quantos dos artigos mais recentes',
  keepNewest: 'Guardar os mais recentes',
  keepAll: 'Guardar tudo sem conexão',
  clearSection: 'Apagar dados',
  clearWhat: 'O que apagar',
  clearTag: 'Artigos com uma etiqueta',
  clearReadOlder: 'Artigos lidos há mais de alguns dias',
  clearDays: 'Dias',
  clearAll: 'Tudo',
  clearIncludeSaved: 'Remover também os artigos salvos',
  clearButton: 'Apagar…',
  clearConfirm: (n, saved) =>
    `Remover ${plural(n, 'artigo', 'artigos')} deste dispositivo${saved ? ', incluindo os salvos' : ''}? Os que ainda estiverem no índice voltam, só com texto, na próxima verificação.`,
  clearConfirmYes: 'Remover',
  clearNothing: 'Nenhum artigo corresponde: não há nada para apagar.',
  cleared: (n) => `${plural(n, 'artigo removido', 'artigos removidos')}.`,

  // Backup and hand-off
  transferSection: 'Backup e envio',
  transferHelp:
    'Um backup contém seus artigos salvos, o estado de leitura e as configurações. Um arquivo de envio leva artigos com as imagens para outro telefone: mande por Bluetooth, cabo ou mensageiro e importe lá, sem precisar de rede.',
  exportWhat: 'O que exportar',
  exportBackup: 'Backup: salvos, estado de leitura e configurações',
  exportSaved: 'Artigos salvos, para outro telefone',
  exportKept: 'Artigos guardados sem conexão, para outro telefone',
  exportTag: (tag) => `Artigos com a etiqueta “${tag}”, para outro telefone`,
  exportButton: 'Exportar',
  importButton: 'Importar',
  working: 'Trabalhando…',
  exported: (n, name) => `${plural(n, 'artigo gravado', 'artigos gravados')} em ${name}.`,
  exportNothing: 'Não há nenhum artigo para exportar nesta opção.',
  importNothing: 'Nada foi compartilhado para importar.',
  imported: (o, p) => {
    const parts = [`${plural(o.added, 'artigo novo', 'artigos novos')}, ${num(o.updated)} atualizados, ${num(o.unchanged)} já estavam aqui`];
    if (p.kind === 'backup') parts.push(plural(o.states, 'estado de leitura combinado', 'estados de leitura combinados'));
    if (p.settings) parts.push('configurações aplicadas');
    const bad = p.report.noId + p.report.notObject + p.tooMany + p.badStates;
    return `Importado: ${parts.join('; ')}.${bad ? ` ${plural(bad, 'entrada inválida foi ignorada', 'entradas inválidas foram ignoradas')}.` : ''}${p.report.truncatedFields ? ` ${plural(p.report.truncatedFields, 'campo longo demais foi cortado', 'campos longos demais foram cortados')}.` : ''}`;
  },
  importRejected: (name, r) =>
    `“${name}” não foi importado: ${r.code === 'too-large' ? `tem mais de ${num(Math.round(r.bytes / 1048576))} MB.` : r.code === 'unreadable' ? 'não foi possível ler o arquivo.' : r.code === 'empty' ? 'não contém artigos, estados de leitura nem configurações.' : feed(r.error)} Nada do que está guardado mudou.`,
};

export default lazy;
