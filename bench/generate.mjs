/**
 * Deterministic archives for the benchmark: the same seed gives byte-identical feeds on every
 * machine, so figures from two runs compare the same work.
 *
 * Text is drawn from a Zipf-distributed vocabulary (a few hundred real English, Spanish and
 * Ukrainian words at the head, a long tail of made-up words), so a search index sees a realistic
 * number of distinct terms and realistic prefix fan-out, not a handful of repeated words.
 *
 * Items carry a summary and point to their body with the `_broadsheet.body_url` extension; the
 * bodies themselves (600–1,600 words of HTML, 4–12 KB) are produced on request by `body(i)`.
 * Pages are cut at about `pageBytes` of JSON and link to the next with a relative `next_url`.
 */

/**
 * mulberry32: a tiny seeded PRNG, good enough for text.
 * @param {number} seed
 */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = `the of and to in a is that for on was with as it by at from be this are have an which or has
not but were been their more its one also they after who his two new first said about would than
other into all up time over out when people workers union strike wage wages pay contract council
city government minister company factory mine port railway drivers nurses teachers miners dockers
housing rent tenants safety health pension pensions hours shift overtime picket ballot members
vote agreement bargaining talks employers management jobs job cuts layoffs closure solidarity
march protest rally demands deal offer rejected accepted week month year years today local national
international report inquiry accident inspection regulation law court ruling tribunal appeal
organising organisers campaign branch committee delegates conference congress federation general
secretary president leader leaders spokesperson statement press public sector private transport
energy water electricity gas coal steel textile garment warehouse delivery riders platform gig
drivers cleaners care workers hospital school university students migrants women young equal
equality discrimination harassment training apprentices skills education budget funding tax
prices inflation cost living food bread fuel heating winter summer season harvest farm farmers
fishing fishermen harbour ship crew union's network wire lantern archive story news article
solidarity solidarities solid solidly strikes striking struck educate educated educational`.split(/\s+/);

const ES = `el la de que y en los las del se por un una con para su al lo como más pero sus le ya o
este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos
durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro
otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo
nosotros trabajadores sindicato huelga salario salarios contrato ayuntamiento gobierno empresa
fábrica mina puerto ferrocarril conductores enfermeras profesores mineros vivienda alquiler
inquilinos seguridad salud pensión pensiones horas turno piquete votación miembros acuerdo
negociación empleo despidos cierre solidaridad marcha protesta demandas oferta educación pública
escuela niños mujeres jóvenes igualdad formación presupuesto impuestos precios inflación
alimentación invierno verano cosecha campesinos pescadores tripulación crónica noticias
educación educación sindicalización organización compañeras compañeros asamblea huelguistas`.split(/\s+/);

const UK = `і в на що з не до та як це за у від він його але про ми так її все вони коли було
є ще вже був були під може бо або щоб після також дуже де між без через робітники профспілка
страйк зарплата зарплати договір міська рада уряд компанія завод шахта порт залізниця водії
медсестри вчителі шахтарі житло оренда безпека здоров'я пенсія пенсії години зміна пікет
голосування члени угода переговори роботодавці робота звільнення закриття солідарність марш
протест вимоги пропозиція освіта школа діти жінки молодь рівність навчання бюджет податки ціни
інфляція харчування зима літо врожай фермери рибалки екіпаж новини стаття архів мережа гірники
гірничій галузі курси професії працівників підприємств профспілки солідарності освіти вчителів`.split(/\s+/);

const SYLLABLES = `ka lo mer tin dra vos pel ru si nor ban tek ul fa gor mi zen ta pra los ve cor li
dan bel mo sta ri gan po ser tu vin ol kri na fel ho da kor me lun bri sa vel`.split(/\s+/);

/**
 * A vocabulary ranked by frequency: real words first, then `tail` made-up words.
 * @param {number} tail
 * @param {() => number} random
 */
function vocabulary(tail, random) {
  const head = [...new Set([...EN, ...ES, ...UK])].filter(Boolean);
  // Interleave the three languages so each is common enough to find.
  /** @type {string[]} */
  const words = [];
  const seen = new Set();
  const push = (/** @type {string} */ w) => {
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  };
  for (const w of head) push(w);
  while (words.length < head.length + tail) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    push(w);
  }
  return words;
}

/**
 * Samples ranks 0..n-1 with probability ∝ 1/(rank+2.7) (Zipf–Mandelbrot).
 * @param {number} n
 * @returns {(u: number) => number}
 */
function zipf(n) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (i + 2.7);
    cdf[i] = sum;
  }
  for (let i = 0; i < n; i++) cdf[i] /= sum;
  return (u) => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const TAGS = `strikes housing safety pay pensions education health transport energy solidarity
organising migrants women youth courts agriculture fishing mining ports care platform-work
equality budget climate международное інтернаціонал huelgas vivienda educación освіта`.split(/\s+/);

const AUTHORS = `Ana Pérez|Bo Li|Oksana Kovalenko|João Silva|Maria Souza|Tomás Ruiz|Ivan Petrenko|Léa Martin
|Samuel Okafor|Aisha Rahman|Lucía Fernández|Mykola Shevchuk|Grace Mensah|Daniel Cohen|Marta Nowak
|Yusuf Demir|Elena Popescu|Kofi Asante|Inés Navarro|Olena Bondarenko|Hugo Moreau|Priya Nair`
  .split('|')
  .map((s) => s.trim());

/**
 * @typedef {{ id: string, url: string, title: string, summary: string, date_published: string,
 *   date_modified?: string, tags: string[], authors: { name: string }[],
 *   _broadsheet: { body_url: string, body_type: string } }} ArchiveItem
 */

const DAY = 86_400_000;
/** The newest article's date: fixed, so feeds are identical whatever day the bench runs. */
const NEWEST = Date.UTC(2026, 10, 20, 9, 0, 0);

/**
 * An archive of `count` articles. `item(i)` and `body(i)` are pure functions of (seed, i), so
 * pages and bodies can be produced lazily and identically in any order.
 * @param {{ count: number, seed?: number, tail?: number }} options
 */
export function archive({ count, seed = 2026, tail = 40_000 }) {
  const words = vocabulary(tail, rng(seed));
  const pick = zipf(words.length);
  // Spread `count` articles over 20 years, newest first, a few minutes apart at least.
  const span = 20 * 365 * DAY;
  const step = Math.max(span / Math.max(count, 1), 5 * 60_000);

  /** @type {(random: () => number, min: number, max: number) => string} */
  const sentence = (random, min, max) => {
    const n = min + Math.floor(random() * (max - min + 1));
    const out = [];
    for (let k = 0; k < n; k++) out.push(words[pick(random())]);
    const s = out.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  };

  /** @type {(i: number) => ArchiveItem} */
  const item = (i) => {
    const random = rng(seed * 1_000_003 + i * 7919);
    const published = NEWEST - Math.round(i * step + random() * step * 0.5);
    /** @type {string[]} */
    const tags = [];
    const nTags = 1 + Math.floor(random() * 3);
    for (let k = 0; k < nTags; k++) {
      const tag = TAGS[Math.floor(random() * TAGS.length)];
      if (!tags.includes(tag)) tags.push(tag);
    }
    const authors = [{ name: AUTHORS[Math.floor(random() * AUTHORS.length)] }];
    if (random() < 0.2) authors.push({ name: AUTHORS[Math.floor(random() * AUTHORS.length)] });
    const title = sentence(random, 5, 11);
    const summary = `${sentence(random, 14, 24)}. ${sentence(random, 10, 22)}.`;
    /** @type {ArchiveItem} */
    const out = {
      id: `https://archive.example.org/a/${count}/${i}`,
      url: `https://archive.example.org/a/${count}/${i}`,
      title,
      summary,
      date_published: new Date(published).toISOString(),
      tags,
      authors,
      _broadsheet: { body_url: `../bodies/${i}.html`, body_type: 'html' },
    };
    if (random() < 0.1) out.date_modified = new Date(published + DAY).toISOString();
    return out;
  };

  /** The body of article `i`: 600–1,600 words in paragraphs and a heading or two. */
  /** @type {(i: number) => string} */
  const body = (i) => {
    const random = rng(seed * 31 + i * 104_729);
    const target = 600 + Math.floor(random() * 1000);
    let n = 0;
    const parts = [];
    while (n < target) {
      if (parts.length && random() < 0.12) parts.push(`<h2>${sentence(random, 3, 7)}</h2>`);
      const sentences = [];
      const m = 3 + Math.floor(random() * 4);
      for (let k = 0; k < m; k++) {
        const s = sentence(random, 8, 24);
        n += s.split(' ').length;
        sentences.push(`${s}.`);
      }
      parts.push(`<p>${sentences.join(' ')}</p>`);
    }
    return parts.join('\n');
  };

  return { count, item, body };
}

/**
 * Cuts an archive into pages of about `pageBytes` of JSON. Page 1 is `feed.json`; page n is
 * `pages/n.json`. Every `next_url` is relative to the page that holds it (`pages/2.json` from
 * the first page, `3.json` from the second), as real paginated feeds do.
 * Calls `write(path, text)` for each page; returns the page count and total bytes.
 * @param {{ count: number, item: (i: number) => ArchiveItem }} arch
 * @param {{ pageBytes?: number, title?: string, write: (path: string, text: string) => void }} options
 */
export function paginate(arch, { pageBytes = 100_000, title = 'Bench Archive', write }) {
  let page = 1;
  /** @type {ArchiveItem[]} */
  let items = [];
  let size = 0;
  let bytes = 0;
  const header = { version: 'https://jsonfeed.org/version/1.1', title, home_page_url: 'https://archive.example.org/', language: 'en' };
  const pathOf = (/** @type {number} */ n) => (n === 1 ? 'feed.json' : `pages/${n}.json`);
  const flush = (/** @type {boolean} */ last) => {
    /** @type {Record<string, unknown>} */
    const feed = { ...header, items };
    if (!last) feed.next_url = page === 1 ? 'pages/2.json' : `${page + 1}.json`;
    const text = JSON.stringify(feed);
    bytes += text.length;
    write(pathOf(page), text);
    page++;
    items = [];
    size = 0;
  };
  for (let i = 0; i < arch.count; i++) {
    const it = arch.item(i);
    items.push(it);
    size += JSON.stringify(it).length + 1;
    if (size >= pageBytes && i < arch.count - 1) flush(false);
  }
  flush(true);
  return { pages: page - 1, bytes };
}
