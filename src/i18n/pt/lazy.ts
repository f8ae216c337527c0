import type { FeedError, ParseReport } from '../../core/feed/types';
import type { SyncFailure } from '../../core/sync-types';
import { ARTICLE_CAPS } from '../../core/feed/caps';

const LIMITS_TAGS = ARTICLE_CAPS.tagsPerItem;
const LIMITS_AUTHORS = ARTICLE_CAPS.authorsPerItem;
import { num, pick, isolate } from '../format';
import type { LazyStrings } from '../en/lazy';

const plural = (n: number, one: string, other: string) => `${num(n)} ${pick(n, { one, other })}`;
const storedKept = 'Os artigos guardados neste dispositivo não foram alterados.';

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

  // Leitura em voz alta
  listen: 'Ouvir',
  pauseListening: 'Pausar',
  resumeListening: 'Continuar',
  stopListening: 'Parar',
  previousSentence: 'Frase anterior',
  nextSentence: 'Frase seguinte',
  sentenceOf: (i: number, n: number) => `Frase ${num(i)} de ${num(n)}`,
  speed: 'Velocidade',
  voice: 'Voz',
  continueNext: 'Continuar com o artigo seguinte',
  noOfflineVoice: (language: string) =>
    `Não há nenhuma voz offline instalada para ${language}, por isso este artigo não pode ser lido em voz alta. Para adicionar uma, abra as configurações de texto para fala do aparelho (Android: Configurações › Acessibilidade › Conversão de texto em voz; iPhone e iPad: Ajustes › Acessibilidade › Conteúdo Falado › Vozes; Windows: Configurações › Hora e idioma › Fala; Mac: Ajustes do Sistema › Acessibilidade › Conteúdo Falado), baixe uma voz em ${language} e recarregue esta página.`,
  noSpeech: 'Este navegador não consegue ler em voz alta.',
  listenFailed: 'A leitura parou: a voz informou um erro. Toque em Continuar para tentar de novo.',
  shortcutListen: 'Ouvir / pausar (num artigo)',

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
  clearIncludeHighlighted: 'Remover também os artigos com destaques (os destaques e as notas ficam)',
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
  exportTag: (tag) => `Artigos com a etiqueta “${isolate(tag)}”, para outro telefone`,
  exportButton: 'Exportar',
  importButton: 'Importar',
  working: 'Trabalhando…',
  exported: (n, name) => `${plural(n, 'artigo gravado', 'artigos gravados')} em ${isolate(name)}.`,
  exportNothing: 'Não há nenhum artigo para exportar nesta opção.',
  importNothing: 'Nada foi compartilhado para importar.',
  imported: (o, p) => {
    const parts = [`${plural(o.added, 'artigo novo', 'artigos novos')}, ${num(o.updated)} atualizados, ${num(o.unchanged)} já estavam aqui`];
    if (p.kind === 'backup') parts.push(plural(o.states, 'estado de leitura combinado', 'estados de leitura combinados'));
    if (o.settingsApplied) parts.push('configurações aplicadas');
    const bad = p.report.noId + p.report.notObject + p.tooMany + p.badStates;
    return `Importado: ${parts.join('; ')}.${bad ? ` ${plural(bad, 'entrada inválida foi ignorada', 'entradas inválidas foram ignoradas')}.` : ''}${p.report.truncatedFields ? ` ${plural(p.report.truncatedFields, 'campo longo demais foi cortado', 'campos longos demais foram cortados')}.` : ''}`;
  },
  consentTitle: 'Importar este arquivo?',
  consentKind: 'Tipo',
  consentBackup: 'Um backup: artigos, estado de leitura e configurações',
  consentHandoff: 'Artigos enviados de outro telefone',
  consentFile: 'Arquivo',
  consentArticles: 'Artigos',
  consentArticleCounts: (fresh, stored) => `${plural(fresh, 'novo', 'novos')}, ${plural(stored, 'já guardado', 'já guardados')}`,
  consentStates: 'Estados de leitura',
  consentHighlights: 'Destaques',
  consentSettings: 'Configurações',
  consentSettingsYes: 'Sim: tema, tamanho do texto, largura da linha e limite de imagens',
  consentSettingsNo: 'Nenhuma',
  consentApplySettings: 'Aplicar também as configurações deste arquivo',
  consentPublisher: 'Os artigos que constam do índice do editor mantêm o texto do editor: um arquivo nunca o substitui.',
  consentForeign: 'Este arquivo foi enviado por outro site, não foi você que o compartilhou. Importe-o só se o esperava.',
  consentImport: 'Importar',
  consentCancel: 'Cancelar',
  importCancelled: 'Nada foi importado.',
  importRejected: (name, r) =>
    `“${name}” não foi importado: ${r.code === 'too-large' ? `tem mais de ${num(Math.round(r.bytes / 1048576))} MB.` : r.code === 'unreadable' ? 'não foi possível ler o arquivo.' : r.code === 'empty' ? 'não contém artigos, estados de leitura nem configurações.' : feed(r.error)} Nada do que está guardado mudou.`,
  downloadTitle: 'Baixar agora todos os artigos?',
  downloadWhy: 'É um download grande. Com dados móveis, pode custar caro.',
  downloadCost: (articles, size) =>
    [articles !== undefined ? plural(articles, 'artigo', 'artigos') : '', size ?? 'tamanho desconhecido'].filter(Boolean).join(' · '),
  downloadAll: 'Baixar tudo',
  downloadNewest: (n) => `Só os ${num(n)} mais recentes`,
  notNow: 'Agora não',
  keepTitle: 'Guardar estes artigos para ler sem conexão?',
  dataSaver: 'Economia de dados',
  saveData: 'Economizar dados',
  saveDataHint: 'As imagens dos artigos só carregam quando tocadas, e com dados móveis nada é atualizado em segundo plano.',
  browserSavesData: 'Seu navegador pede para economizar dados, então a economia de dados está ativada.',
  imagesLabel: 'Imagens dos artigos',
  imagesAlways: 'Sempre',
  imagesWifi: 'Só no Wi-Fi',
  imagesNever: 'Nunca',
  askAbove: 'Perguntar antes de baixar mais de',
  dataUsed: 'Dados usados',
  dataUsedFigures: (month, total) => `Este mês: ${month} · No total: ${total}`,
  dataUsedSince: (date) => `Baixados pelas atualizações e por Guardar sem conexão desde ${date}.`,
  resetDataUsed: 'Zerar a contagem',
  showImage: (alt) => (alt ? `Mostrar imagem: ${alt}` : 'Mostrar imagem'),

  // The reading view (moved from main.ts: not needed for the first paint)
  backToList: 'Todos os artigos',
  openOriginal: 'Ler no site do editor',
  linkedArticle: 'Artigo citado',
  by: 'Por',
  updatedOn: 'atualizado',
  articleMissing: 'Este artigo não está guardado neste dispositivo.',
  articleMissingHint: 'Talvez ainda não tenha sido baixado. Conecte-se à internet e abra a lista para obtê-lo.',
  noBody: 'Este artigo não tem texto além do resumo.',
  save: 'Guardar',
  markUnread: 'Marcar como não lido',
  markRead: 'Marcar como lido',
  markedUnread: 'Marcado como não lido.',
  resumed: (p) => `Retomado em ${num(p)}%.`,
  readingProgress: 'Progresso da leitura',
  bodyLoading: 'Baixando o texto completo…',
  bodyUnavailable: 'O texto completo deste artigo ainda não foi baixado. Conecte-se à internet para lê-lo; o resumo está abaixo.',
  bodyFailed: (f) => `Não foi possível baixar o texto completo: ${bodyReason(f)}. O resumo é mostrado no lugar.`,

  // Settings (moved from main.ts: not needed for the first paint)
  appearance: 'Aparência',
  theme: 'Tema',
  themeSystem: 'Igual ao dispositivo',
  themeLight: 'Claro',
  themeDark: 'Escuro',
  themeSepia: 'Sépia',
  textSize: 'Tamanho do texto',
  lineWidth: 'Largura da linha',
  widthNarrow: 'Estreita',
  widthMedium: 'Média',
  widthWide: 'Larga',
  motion: 'Movimento',
  motionSystem: 'Igual ao dispositivo',
  motionReduce: 'Reduzir o movimento',
  uiLanguage: 'Idioma do aplicativo',
  languageAuto: 'Igual ao navegador',
  sample: 'Texto de exemplo: os trabalhadores do porto votaram pela greve na segunda-feira.',
  installApp: 'Instalar o aplicativo',
  installHelp: 'Instale o Broadsheet para abri-lo pela tela inicial, como qualquer outro aplicativo, mesmo sem conexão.',
  iosInstall: 'Para instalar no iPhone ou iPad: toque no botão Compartilhar e depois em “Adicionar à Tela de Início”.',
  installed: 'O Broadsheet está instalado neste dispositivo.',
  shortcuts: 'Atalhos de teclado',
  shortcutSearch: 'Pesquisar',
  shortcutNext: 'Artigo seguinte / anterior',
  shortcutOpen: 'Abrir o artigo',
  shortcutBack: 'Voltar à lista',
  sync: 'Artigos',
  lastUpdate: 'Última atualização',
  backgroundRefresh: 'Com o aplicativo instalado, novos artigos também são baixados em segundo plano.',
  version: (v) => `Versão ${v}`,
  fullResync: 'Sincronizar tudo de novo',

  // More filters (moved from main.ts: loaded when the panel opens)
  findAuthor: 'Procurar um autor',
  unreadOnly: 'Só não lidos',
  savedOnly: 'Só guardados',
  authorLabel: 'Autor',
  anyAuthor: 'Qualquer autor',
  languageLabel: 'Idioma',
  anyLanguage: 'Qualquer idioma',
  fromDate: 'De',
  toDate: 'Até',

  // Mark all as read (moved from main.ts: its button loads after the first paint)
  markAllRead: (n) => `Marcar ${num(n)} como lidos`,
  undo: 'Desfazer',
  markedAllRead: (n) => `${plural(n, 'artigo marcado', 'artigos marcados')} como lidos.`,
  undone: 'Tudo voltou a ser como antes.',

  // The alert's sentences (moved from main.ts: loaded when there is something to say)
  dbUnavailable:
    'Este navegador não permite que o Broadsheet guarde dados (a navegação privada pode causar isso), então os artigos só podem ser lidos on-line e não ficarão disponíveis sem conexão.',
  dbUpgrade: 'O Broadsheet foi atualizado em outra aba. Recarregue esta aba para continuar.',
  failure,
  skipped,
  storedKept,
  repaired: (r) => repaired(r),
  parseNotes: (r) => [skipped(r), repaired(r)].filter(Boolean).join(' '),
  evicted:
    'O navegador apagou os artigos guardados neste dispositivo, provavelmente para liberar espaço. Eles serão baixados de novo assim que o servidor puder ser contatado.',
  /** Added to the eviction alert in WebKit outside the installed app. */
  webkitEvicted:
    'No iPhone e no iPad, os artigos só ficam guardados se o Broadsheet estiver na Tela de Início: toque no botão Compartilhar e depois em “Adicionar à Tela de Início”.',
  evictedRestored: 'O navegador tinha apagado os artigos guardados neste dispositivo, provavelmente para liberar espaço. Eles já foram baixados de novo.',
  dbClosed: 'O navegador fechou o armazenamento do Broadsheet neste dispositivo (os dados foram apagados ou o espaço acabou). Recarregue esta aba para continuar.',
  partialSaved: (pages, articles) => `${plural(articles, 'artigo', 'artigos')} de ${plural(pages, 'página', 'páginas')} foram guardados; o resto será baixado da próxima vez.`,
  stoppedAtLoop: 'O índice de artigos aponta de volta para uma página já lida, então o download parou ali.',
  stoppedAtLimit: (pages) => `O download parou após ${num(pages)} páginas, o máximo de uma atualização.`,

  // The update prompt (moved from main.ts: it loads right after the first paint)
  updateReady: 'Uma nova versão do Broadsheet está pronta.',
  reload: 'Recarregar',
  offlineReady: 'O Broadsheet já funciona sem conexão.',

  // The sync bar's progress (moved from main.ts: it loads with the first sync of several pages)
  syncProgressLabel: 'Progresso do download',
  syncProgress: (pages, articles) => `Baixadas ${plural(pages, 'página', 'páginas')} · ${plural(articles, 'artigo', 'artigos')}`,
};

export default lazy;

function bodyReason(f: SyncFailure): string {
  switch (f.kind) {
    case 'offline':
      return 'você está sem conexão';
    case 'timeout':
      return `o servidor não respondeu em ${num(f.seconds)} segundos`;
    case 'http':
      return `o servidor respondeu ${f.status}`;
    case 'too-large':
      return `tem mais de ${num(Math.round(f.bytes / 1048576))} MB`;
    default:
      return 'não foi possível contatar o servidor';
  }
}

function skipped(r: ParseReport): string {
  const parts: string[] = [];
  if (r.noId) parts.push(`${plural(r.noId, 'item', 'itens')} sem id`);
  if (r.notObject) parts.push(`${plural(r.notObject, 'entrada que não é', 'entradas que não são')} um artigo`);
  if (r.duplicates) parts.push(plural(r.duplicates, 'cópia duplicada', 'cópias duplicadas'));
  const n = r.noId + r.notObject + r.duplicates;
  return n ? `${plural(n, 'item foi ignorado', 'itens foram ignorados')}: ${parts.join(', ')}.` : '';
}

function repaired(r: ParseReport): string {
  const parts: string[] = [];
  if (r.badDates) parts.push(plural(r.badDates, 'data não pôde ser lida', 'datas não puderam ser lidas'));
  if (r.truncatedFields) parts.push(plural(r.truncatedFields, 'campo longo demais foi encurtado', 'campos longos demais foram encurtados'));
  if (r.futureDates) parts.push(plural(r.futureDates, 'data mais de um dia no futuro foi corrigida', 'datas mais de um dia no futuro foram corrigidas'));
  if (r.cutTags) parts.push(`${plural(r.cutTags, 'etiqueta além', 'etiquetas além')} de ${num(LIMITS_TAGS)} por artigo ${r.cutTags === 1 ? 'foi ignorada' : 'foram ignoradas'}`);
  if (r.cutAuthors) parts.push(`${plural(r.cutAuthors, 'autor além', 'autores além')} de ${num(LIMITS_AUTHORS)} por artigo ${r.cutAuthors === 1 ? 'foi ignorado' : 'foram ignorados'}`);
  if (!parts.length) return '';
  return `${parts.join('; ')}.`;
}

function feed(e: FeedError): string {
  switch (e.code) {
    case 'empty':
      return 'O índice de artigos é um arquivo vazio.';
    case 'html':
      return 'O servidor enviou uma página web em vez do índice de artigos (talvez uma página de erro ou de login).';
    case 'truncated':
      return 'O índice de artigos está incompleto: o download foi interrompido antes do fim.';
    case 'not-json':
      return `O índice de artigos não é um JSON válido.`;
    case 'not-object':
      return 'O índice de artigos não é um JSON Feed: não é um objeto JSON.';
    case 'no-version':
      return 'O índice de artigos não é um JSON Feed: não tem "version".';
    case 'bad-version':
      return `O índice de artigos não é um JSON Feed que este aplicativo consiga ler (a sua “version” não é de JSON Feed).`;
    case 'no-items':
      return 'O índice de artigos não é um JSON Feed: não tem a lista "items".';
  }
}

function failure(f: SyncFailure): string {
  switch (f.kind) {
    case 'offline':
      return 'Você está sem conexão. Mostrando os artigos guardados neste dispositivo.';
    case 'network':
      return 'Não foi possível contatar o servidor. Mostrando os artigos guardados neste dispositivo.';
    case 'timeout':
      return `O servidor não respondeu em ${num(f.seconds)} segundos. Mostrando os artigos guardados neste dispositivo.`;
    case 'http':
      return `Não foi possível carregar o índice de artigos: o servidor respondeu ${f.status}. ${storedKept}`;
    case 'too-large':
      return `O índice de artigos tem mais de ${num(Math.round(f.bytes / 1048576))} MB, por isso não foi carregado. ${storedKept}`;
    case 'feed':
      return `${feed(f.error)} ${storedKept}`;
    case 'no-articles': {
      const s = skipped(f.report);
      return `O índice não contém nenhum artigo legível${f.report.total ? ` (${plural(f.report.total, 'item', 'itens')})` : ''}. ${s ? `${s} ` : ''}${storedKept}`;
    }
    case 'storage':
      return `O armazenamento do dispositivo está cheio: ${num(f.written)} de ${num(f.total)} artigos foram guardados. Libere espaço e procure novos artigos outra vez.`;
  }
}
