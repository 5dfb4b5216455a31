/**
 * What the data page (/<plan>/data/) shows of a plan: an excerpt of its plan.json and code examples that use the
 * plan's own item, offices and labels, never another plan's. Pure: the page renders what this returns.
 */
import { planParts } from '../lib/plan-shape.ts';
import { ITEM_COLUMNS, OFFICE_COLUMNS, RESPONSIBILITY_COLUMNS } from '../plan/csv.ts';
import { planToExport } from '../plan/export.ts';
import type { Plan } from '../plan/schema.ts';

/** The excerpt's sample: the first item with targets (so the excerpt shows one), else the first item. */
export function sampleItem(plan: Pick<Plan, 'items' | 'targets'>): Plan['items'][number] {
  return plan.items.find((i) => plan.targets.some((t) => t.item === i.number)) ?? plan.items[0]!;
}

/** A paragraph cut to 40 characters for the excerpt. */
const cut = (m: string) => ([...m].length > 40 ? `${[...m].slice(0, 40).join('')}…` : m);

/** The plan.json excerpt: the sample item (long paragraphs cut), its section, its first office and first target. */
export function planJsonExcerpt(plan: Plan, sourceFile: string): { number: number; json: string } {
  const exported = planToExport(plan, sourceFile);
  const n = sampleItem(plan).number;
  const sample = exported.items.find((i) => i.number === n)!;
  const json = JSON.stringify(
    {
      format: exported.format,
      title: exported.title,
      sections: exported.sections.filter((s) => s.number === sample.section),
      items: [{ ...sample, fields: sample.fields.map((f) => ({ ...f, paragraphs: f.paragraphs.map(cut) })) }],
      offices: exported.offices.filter((o) => o.slug === sample.offices[0]?.slug),
      targets: exported.targets.filter((t) => t.item === sample.number).slice(0, 1),
    },
    null,
    2,
  );
  return { number: n, json };
}

/** The plan's offices the examples name: the one leading the most items, and one named two ways (if any). */
export function exampleOffices(plan: Pick<Plan, 'offices'>) {
  const leads = (o: Plan['offices'][number]) => o.items.filter((i) => i.lead).length;
  const leader = [...plan.offices].sort((a, b) => leads(b) - leads(a))[0];
  const aliased = plan.offices.find((o) => o.aliases.length > 0);
  return { leader, aliased };
}

/** The JavaScript and Python examples, reading the data files at their absolute addresses (`url(file)`). */
export function codeExamples(plan: Plan, url: (file: string) => string): { js: string; py: string } {
  const { leader, aliased } = exampleOffices(plan);
  const firstKind = plan.items.flatMap((i) => i.fields)[0]?.kind ?? 'text';
  const js = leader
    ? `// 取得全部数据，列出“${leader.name}”牵头的工作
const res = await fetch('${url('plan.json')}');
const plan = await res.json();
const office = plan.offices.find((o) => o.name === '${leader.name}');
for (const ref of office.items.filter((i) => i.lead)) {
  const item = plan.items.find((i) => i.number === ref.number);
  const first = item.fields.find((f) => f.kind === '${firstKind}');
  console.log(item.id, item.title, first ? first.paragraphs.join('') : '');
}`
    : `// 取得全部数据，列出每项工作的编号、标题和第一段
const res = await fetch('${url('plan.json')}');
const plan = await res.json();
for (const item of plan.items) {
  console.log(item.id, item.title, item.fields[0] ? item.fields[0].paragraphs[0] : '');
}`;
  const py =
    plan.offices.length > 0
      ? `# 用 Python 标准库读取 CSV（utf-8-sig 会去掉 BOM）
import csv, urllib.request

url = "${url('responsibilities.csv')}"
with urllib.request.urlopen(url) as f:
    rows = list(csv.DictReader(f.read().decode("utf-8-sig").splitlines()))

lead = [r for r in rows if r["lead"] == "true"]
print(len(lead), "项工作有牵头单位")
for r in rows:
    if r["office_name"] == "${(aliased ?? leader)!.name}":
        print(r["item_number"], r["item_title"], r["unit"])`
      : `# 用 Python 标准库读取 CSV（utf-8-sig 会去掉 BOM）
import csv, urllib.request

url = "${url('items.csv')}"
with urllib.request.urlopen(url) as f:
    rows = list(csv.DictReader(f.read().decode("utf-8-sig").splitlines()))

print(len(rows), "项工作")
for r in rows:
    print(r["${ITEM_COLUMNS[0]}"], r["${ITEM_COLUMNS[1]}"])`;
  return { js, py };
}

/** The data files a plan's data page lists, by name, with their contents. */
export type DataFileTexts = Record<'plan.json' | 'plan.schema.json' | 'items.csv' | 'offices.csv' | 'responsibilities.csv', string>;

/** One data file as the page lists it: name, size, what it holds and its format. */
export interface DataFileEntry {
  name: keyof DataFileTexts;
  size: string;
  what: string;
  format: string;
}

/** A file's size in whole KB (1024 bytes) of its UTF-8 encoding, e.g. `12 KB`. */
export function kib(text: string): string {
  return `${(new TextEncoder().encode(text).length / 1024).toFixed(0)} KB`;
}

/**
 * The data files the page lists. Files about 责任单位 are listed only for a plan that names some: for one that
 * names none they hold only a header row.
 */
export function dataFileEntries(plan: Plan, texts: DataFileTexts): DataFileEntry[] {
  const withOffices = plan.offices.length > 0;
  const parts = planParts(plan);
  const contents = ['通知', '总体要求', '各部分', `各项工作${parts.length > 0 ? `（${parts.join('、')}${withOffices ? '及其处室' : ''}）` : ''}`, withOffices && '处室', '量化指标', '引用文件', plan.closing && '结尾段'].filter(Boolean).join('、');
  const entry = (name: keyof DataFileTexts, what: string, format: string): DataFileEntry => ({ name, size: kib(texts[name]), what, format });
  return [
    entry('plan.json', `全部内容：${contents}。`, 'JSON，UTF-8'),
    entry('plan.schema.json', 'plan.json 的 JSON Schema（draft 2020-12），由程序中的数据模型自动生成。', 'JSON Schema'),
    entry('items.csv', `每项工作一行：${ITEM_COLUMNS.join('、')}。一项内容有多段时，段与段之间以换行分隔（位于带引号的单元格内）。`, 'CSV，UTF-8 带 BOM，CRLF，RFC 4180 引号规则'),
    ...(withOffices
      ? [
          entry('offices.csv', `每个处室一行：${OFFICE_COLUMNS.join('、')}。事项编号以空格分隔。`, 'CSV，UTF-8 带 BOM'),
          entry('responsibilities.csv', `责任单位逐条展开，每项工作的每个责任单位一行：${RESPONSIBILITY_COLUMNS.join('、')}。kind 为 group 的是“相关处室”等集体表述。`, 'CSV，UTF-8 带 BOM'),
        ]
      : []),
  ];
}
