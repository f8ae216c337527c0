import { num, pick, isolate } from '../format';
import type { Strings } from '../en/main';

const plural = (n: number, one: string, other: string) => `${num(n)} ${pick(n, { one, other })}`;

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

  // Archive sync and search
  searching: 'Pesquisando…',
  indexing: 'O índice de pesquisa ainda está sendo criado neste dispositivo: podem aparecer mais resultados.',
};

export default pt;
