/**
 * The 公文版's fonts, resolved at build time with fontconfig: for each face GB/T 9704 asks for (仿宋 for the body,
 * 小标宋 for titles, 黑体, 楷体, 宋体 for page numbers) a configured file (GBT9704_<ROLE>_FILE), else an installed
 * font of that name, else a stated stand-in. TrueType is preferred: Typst embeds it as a named CID TrueType font; the
 * OpenType/CFF Noto CJK faces would embed as CFF (and become unnamed Type 3 glyph sets in Chromium).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The faces GB/T 9704 names. */
export type FontRole = 'fangsong' | 'xiaobiaosong' | 'hei' | 'kai' | 'song';

/** Every role, in the order the build log lists them. */
export const FONT_ROLES: FontRole[] = ['fangsong', 'xiaobiaosong', 'hei', 'kai', 'song'];

/** What the standard asks for, by role (for the log and the PDF's metadata). */
export const ROLE_NAMES: Record<FontRole, string> = { fangsong: '仿宋', xiaobiaosong: '小标宋', hei: '黑体', kai: '楷体', song: '宋体' };

/** One font face as fontconfig describes it. */
export interface FontFile {
  file: string;
  /** Face index inside a collection (.ttc); 0 otherwise. */
  index: number;
  /** First family name, e.g. AR PL SungtiL GB. */
  family: string;
  /** PostScript name, what pdffonts shows, e.g. BousungEG-Light-GB. */
  postscriptName: string;
  /** fontconfig's format: TrueType, CFF … */
  format: string;
  /** fontconfig's charset: hex code point ranges, e.g. `20-7e 4e00-9fa5`. */
  charset: string;
}

/** The font chosen for a role. */
export interface ResolvedFont extends FontFile {
  role: FontRole;
  /** How it was found: a configured file, an installed font of the asked-for kind, or a stand-in. */
  origin: 'configured' | 'installed' | 'stand-in';
  /** Characters of the document this font lacks (drawn by the next face of the template's list). */
  missing: string[];
}

/** Names of the faces the standard asks for, per role (matched against every family name fontconfig gives). */
const TRUE_NAMES: Record<FontRole, RegExp> = {
  fangsong: /fangsong|仿宋/iu,
  xiaobiaosong: /xiaobiaosong|小标宋/iu,
  hei: /^(simhei|黑体|heiti)/iu,
  kai: /^(kaiti|楷体)/iu,
  song: /^(simsun|宋体|songti)/iu,
};

/**
 * Stand-ins, in order, when no font of the kind is installed. The body's 仿宋 falls back to a 宋 (AR PL SungtiL
 * GB), not a 楷: 仿宋 is a Song-structured face, and a 楷 body would make the （一） headings (楷体) look like body
 * text. 小标宋 falls back to the same 宋, set larger.
 */
const STAND_INS: Record<FontRole, RegExp[]> = {
  fangsong: [/^AR PL SungtiL GB$/u, /^AR PL KaitiM GB$/u, /^LXGW WenKai$/u],
  xiaobiaosong: [/^AR PL SungtiL GB$/u, /^WenQuanYi Zen Hei$/u],
  hei: [/^WenQuanYi Zen Hei$/u],
  kai: [/^AR PL KaitiM GB$/u, /^LXGW WenKai$/u],
  song: [/^AR PL SungtiL GB$/u],
};

/** Debian packages that provide the stand-ins (scripts/ensure-system-packages.sh installs them). */
export const STAND_IN_PACKAGES = ['fonts-arphic-gbsn00lp', 'fonts-arphic-gkai00mp', 'fonts-wqy-zenhei'];

// The charset comes from fontconfig's cache (fc-list), a hundred times faster than fc-query reading each font. The
// version is for the cache keys (fontsFingerprint): one listing serves both, each run of fc-list being ~0.1 s.
const FORMAT = '%{file}\\t%{index}\\t%{family}\\t%{postscriptname}\\t%{fontformat}\\t%{style}\\t%{charset}\\t%{fontversion}\\n';

/** Parses fc-list / fc-query output in FORMAT; regular styles only (the standard sets no bold or light). */
export function parseFontList(output: string): (FontFile & { families: string[] })[] {
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .filter(([, , , , , style = '']) => /(^|,)(Regular|Medium|Book|Normal)(,|$)/u.test(style) || style === '')
    .map(([file = '', index = '0', family = '', postscriptName = '', format = '', , charset = '']) => ({
      file,
      index: Number(index),
      family: family.split(',')[0]!,
      families: family.split(','),
      postscriptName,
      format,
      charset,
    }));
}

/**
 * Parses fontconfig's charset (`20-7e a4 4e00-9fa5 …`) into a membership test: a binary search over its ranges
 * (fontconfig lists them in order). A CJK face has thousands of ranges, and the 公文版's key asks each of 5 faces
 * about every character of each plan: scanning the ranges one by one took 7 s of a 100-plan archive's rebuild.
 * @example charsetHas('20-7e 4e00-4e01')(0x4e01) // true
 */
export function charsetHas(charset: string): (codePoint: number) => boolean {
  const ranges = charset
    .trim()
    .split(/\s+/u)
    .filter(Boolean)
    .map((r) => r.split('-').map((h) => Number.parseInt(h, 16)))
    .map(([a, b]) => [a!, b ?? a!] as const)
    .sort((x, y) => x[0] - y[0]);
  return (cp) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = ranges[mid]!;
      if (cp < a) hi = mid - 1;
      else if (cp > b) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** Each face's membership test, made once per process (the same faces are asked about every plan). */
const charsetTests = new Map<string, (codePoint: number) => boolean>();

/** The characters of `text`, whitespace aside, each once: what a face is asked to cover. */
const distinctChars = (text: string): string[] => [...new Set(text.replace(/\s/gu, ''))];

/** Which of `chars` the face does not cover. */
function lacking(font: FontFile, chars: readonly string[]): string[] {
  let has = charsetTests.get(font.charset);
  if (!has) charsetTests.set(font.charset, (has = charsetHas(font.charset)));
  return chars.filter((c) => !has(c.codePointAt(0)!));
}

/** The characters of `text` (whitespace aside, each once) that the face does not cover. */
export function missingChars(font: FontFile, text: string): string[] {
  return lacking(font, distinctChars(text));
}

let listing: Promise<string> | undefined;

/** fontconfig's list of the Chinese faces in FORMAT, asked once per process: an archive's build resolves fonts for every plan, and the installed fonts do not change while it runs. */
function fcList(): Promise<string> {
  listing ??= run('fc-list', [':lang=zh', '--format', FORMAT], { maxBuffer: 16 * 1024 * 1024 }).then((r) => r.stdout);
  return listing;
}

/** Resolves every role for a document whose text is `text`; `env` may name files (GBT9704_FANGSONG_FILE …). */
export async function resolveFonts(text: string, env: Record<string, string | undefined> = process.env): Promise<ResolvedFont[]> {
  const installed = await installedFaces();
  // The text's characters found once for the five faces (a 100-plan archive asks about every plan's text).
  const chars = distinctChars(text);
  const resolved: ResolvedFont[] = [];
  for (const role of FONT_ROLES) {
    const font = await pick(role, installed, env);
    resolved.push({ ...font, role, missing: lacking(font, chars) });
  }
  return resolved;
}

let installedList: Promise<(FontFile & { families: string[] })[]> | undefined;

/**
 * The installed Chinese faces, TrueType first, parsed once per process like the listing they come from: each face
 * carries its charset of thousands of ranges, and parsing them for each of 100 plans cost ~0.4 s of a rebuild.
 */
function installedFaces(): Promise<(FontFile & { families: string[] })[]> {
  installedList ??= fcList().then((stdout) => parseFontList(stdout).sort((a, b) => trueTypeFirst(a) - trueTypeFirst(b)));
  return installedList;
}

const trueTypeFirst = (f: FontFile) => (f.format === 'TrueType' ? 0 : 1);

async function pick(role: FontRole, installed: (FontFile & { families: string[] })[], env: Record<string, string | undefined>) {
  const configured = env[`GBT9704_${role.toUpperCase()}_FILE`];
  if (configured) {
    const { stdout } = await run('fc-query', ['--format', FORMAT, configured]).catch(() => ({ stdout: '' }));
    const face = parseFontList(stdout)[0];
    if (!face) throw new Error(`GBT9704_${role.toUpperCase()}_FILE=${configured}: fontconfig reads no font from this file.`);
    return { ...face, origin: 'configured' as const };
  }
  // The face the standard names, installed (a department's licensed 仿宋_GB2312, 方正小标宋 …). TrueType only:
  // Noto CJK would embed as Type 3.
  const real = installed.find((f) => f.format === 'TrueType' && f.families.some((name) => TRUE_NAMES[role].test(name)));
  if (real) return { ...real, origin: 'installed' as const };
  for (const pattern of STAND_INS[role]) {
    const face = installed.find((f) => pattern.test(f.family));
    if (face) return { ...face, origin: 'stand-in' as const };
  }
  throw new Error(`No font for ${ROLE_NAMES[role]}: install ${STAND_IN_PACKAGES.join(', ')} (scripts/ensure-system-packages.sh does, as root), or set GBT9704_${role.toUpperCase()}_FILE to a font file.`);
}

/** One line per role for the build log and the PDF's Keywords, e.g. `仿宋: AR PL SungtiL GB (stand-in)`. */
export function describeFonts(fonts: ResolvedFont[]): string[] {
  return fonts.map((f) => {
    const origin = f.origin === 'stand-in' ? `stand-in for ${ROLE_NAMES[f.role]}` : f.origin;
    const missing = f.missing.length ? `, ${f.missing.length} characters from the next font` : '';
    return `${ROLE_NAMES[f.role]}: ${f.family} (${f.postscriptName}, ${f.format}, ${origin}${missing})`;
  });
}

/**
 * The chosen fonts as a cache key's part, without their charsets: a charset is fontconfig's reading of the font's
 * file, whose hash fontsFingerprint gives, and five CJK faces' charsets made each plan's key ~250 KB to serialise and
 * hash (0.2 s of CPU per PDF kind at 100 plans).
 */
export const fontsKeyPart = (fonts: readonly ResolvedFont[]): string => JSON.stringify(fonts.map(({ charset: _charset, ...rest }) => rest));

const digests = new Map<string, Promise<string>>();

/**
 * For cache keys: SHA-256 of each font's file (each file read once per process) and fontconfig's list of every
 * Chinese face with its version, so a font replaced, upgraded, installed or removed (Typst falls back to the
 * installed faces for characters the chosen ones lack) changes the key.
 */
export async function fontsFingerprint(fonts: readonly FontFile[]): Promise<string> {
  const files = [...new Set(fonts.map((f) => f.file))].sort();
  const hashes = await Promise.all(
    files.map((file) => {
      let digest = digests.get(file);
      if (!digest) {
        digest = readFile(file).then((bytes) => createHash('sha256').update(bytes).digest('hex'));
        digests.set(file, digest);
      }
      return digest.then((d) => `${file} ${d}`);
    }),
  );
  // Each face's file, index, family names and version: the listing less its charsets, which the files' hashes cover.
  const faces = (await fcList()).split('\n').map((line) => line.split('\t')).map(([file = '', index = '', family = '', , , , , version = '']) => `${file}\t${index}\t${family}\t${version}`);
  return [...hashes, ...faces.sort()].join('\n');
}
