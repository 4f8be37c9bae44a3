// The reader's language: `lang=zh-CN|en`, else the most preferred language of Accept-Language
// that Tally writes (any Chinese reads zh-CN, any English or `*` en), else English.
import type { Context } from 'hono';
import { LANGS, type Lang } from '../../core/incentives/calculate/describe';
import { HttpProblem } from './problem';

/** A language of Accept-Language as one we write. */
const written = (tag: string): Lang | undefined => (/^zh\b/i.test(tag) ? 'zh-CN' : /^(en\b|\*$)/i.test(tag) ? 'en' : undefined);

const isLang = (v: string | undefined): v is Lang => (LANGS as readonly (string | undefined)[]).includes(v);

/** The language of Accept-Language Tally writes, else English (a problem's, when no `lang` is asked). */
export const acceptedLang = (header: string | undefined): Lang => {
  let best: { lang: Lang; q: number } | undefined;
  for (const part of (header ?? '').split(',')) {
    const [tag, ...params] = part.split(';').map((p) => p.trim());
    const q = Number(params.find((p) => /^q=/i.test(p))?.slice(2) ?? 1);
    const lang = written(tag);
    if (lang && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'en';
};

/** For an answer: a `lang` Tally does not write is a 400 naming it. */
export const langOf = (c: Context): Lang => {
  const asked = c.req.query('lang');
  if (asked === undefined || asked === '') return acceptedLang(c.req.header('accept-language'));
  if (!isLang(asked)) throw HttpProblem.badParam('lang', `expected one of ${LANGS.join(', ')}, got '${asked}'`);
  return asked;
};

/** For a problem, which must not itself fail: a `lang` Tally does not write is passed over. */
export const problemLangOf = (c: Context): Lang => problemLangOfRequest(c.req.raw);

/** problemLangOf for a plain request, before the app is there to answer it (the server still starting). */
export const problemLangOfRequest = (req: Request): Lang => {
  const asked = new URL(req.url).searchParams.get('lang') ?? undefined;
  return isLang(asked) ? asked : acceptedLang(req.headers.get('accept-language') ?? undefined);
};
