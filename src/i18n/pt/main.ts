import type { FeedError, ParseReport } from '../../core/feed/types';
import type { SyncFailure } from '../../core/sync-types';
import { ARTICLE_CAPS } from '../../core/feed/caps';

const LIMITS_TAGS = ARTICLE_CAPS.tagsPerItem;
const LIMITS_AUTHORS = ARTICLE_CAPS.authorsPerItem;
import { num, pick, isolate } from '../format';
import type { Strings } from '../en/main';

const plural = (n: number, one: string, other: string) => `${num(n)} ${pick(n, { one, other })}`;
const storedKept = 'Os artigos guardados neste dispositivo não foram alterados.';

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

export function feed(e: FeedError): string {
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

const pt: Strings = {
  appName: 'Broadsheet',
  searchLabel: 'Pesquisar artigos',
  searchPlaceholder: 'Palavras do título, texto, etiquetas, autores',
  tagLabel: 'Etiqueta',
  allTags: 'Todas as etiquetas',
  findTag: 'Procurar uma etiqueta',
  clearFilters: 'Limpar filtros',
  articleCount: (n) => plural(n, 'artigo', 'artigos'),
  filtered: 'filtrados',
  listLabel: 'Artigos',
  loading: 'Carregando artigos…',
  firstSync: 'Baixando artigos para ler sem conexão…',
  noArticlesYet: 'Ainda não há artigos guardados neste dispositivo. Conecte-se à internet uma vez para baixá-los.',
  noMatch: (q) => (q ? `Nenhum artigo guardado corresponde a “${isolate(q)}”.` : 'Nenhum artigo guardado corresponde a este filtro.'),
  untitled: 'Sem título',
  tags: 'Etiquetas',
  articleLoading: 'Abrindo o artigo…',
  checkNow: 'Procurar novos artigos',
  checking: 'Procurando novos artigos…',
  updatedAgo: (when) => `Atualizado ${when}`,
  neverUpdated: 'Ainda não atualizado',
  offlineBadge: 'Sem conexão',
  wentOffline: 'Você está sem conexão. Tudo o que está guardado neste dispositivo continua disponível.',
  backOnline: 'Conexão restabelecida.',
  skipped,
  storedKept,
  updateReady: 'Uma nova versão do Broadsheet está pronta.',
  reload: 'Recarregar',
  offlineReady: 'O Broadsheet já funciona sem conexão.',
  dbUnavailable:
    'Este navegador não permite que o Broadsheet guarde dados (a navegação privada pode causar isso), então os artigos só podem ser lidos on-line e não ficarão disponíveis sem conexão.',
  dbUpgrade: 'O Broadsheet foi atualizado em outra aba. Recarregue esta aba para continuar.',
  failure,

  savedBadge: 'Guardado',
  unreadBadge: 'Não lido',

  moreFilters: 'Mais filtros',
  activeFilters: (n) => plural(n, 'filtro ativo', 'filtros ativos'),

  settings: 'Configurações',
  highlights: 'Destaques',
  highlightCount: (n) => plural(n, 'destaque', 'destaques'),
  // List rows
  rowOffline: 'Pode ser lido sem conexão',
  rowNotOffline: 'Ainda não está completo sem conexão',
  minRead: (n) => `${num(n)} min de leitura`,
  offlineCalm: (n) => `Sem conexão · ${plural(n, 'artigo', 'artigos')} neste telefone`,

  // Reliability
  repaired: (r) => repaired(r),
  parseNotes: (r) => [skipped(r), repaired(r)].filter(Boolean).join(' '),
  evicted:
    'O navegador apagou os artigos guardados neste dispositivo, provavelmente para liberar espaço. Eles serão baixados de novo assim que o servidor puder ser contatado.',
  evictedRestored: 'O navegador tinha apagado os artigos guardados neste dispositivo, provavelmente para liberar espaço. Eles já foram baixados de novo.',
  dbClosed: 'O navegador fechou o armazenamento do Broadsheet neste dispositivo (os dados foram apagados ou o espaço acabou). Recarregue esta aba para continuar.',

  // Archive sync and search
  searching: 'Pesquisando…',
  indexing: 'O índice de pesquisa ainda está sendo criado neste dispositivo: podem aparecer mais resultados.',
  syncProgressLabel: 'Progresso do download',
  syncProgress: (pages, articles) => `Baixadas ${plural(pages, 'página', 'páginas')} · ${plural(articles, 'artigo', 'artigos')}`,
  partialSaved: (pages, articles) => `${plural(articles, 'artigo', 'artigos')} de ${plural(pages, 'página', 'páginas')} foram guardados; o resto será baixado da próxima vez.`,
  stoppedAtLoop: 'O índice de artigos aponta de volta para uma página já lida, então o download parou ali.',
  stoppedAtLimit: (pages) => `O download parou após ${num(pages)} páginas, o máximo de uma atualização.`,
};

export default pt;
