import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stripWhitespace } from '../src/plan/normalize.ts';
import { parsePlan } from '../src/plan/parse-plan.ts';
import { planToText } from '../src/plan/to-text.ts';
const src = readFileSync('tests/unit/parse-fuzz.test.ts', 'utf8');
const lines = readFileSync('seeds/hunan-education-2020-work-plan.txt', 'utf8').split('\n');
const tokens = ['目标任务：', '工作措施：', '责任单位：', '一、', '九、', '1.', '34.', '、', '等', '。', '\n', '\n\n', '2020年3月6日', '相关处室', '考试院', '{', '<', '*', '#', '１．', '\u3000', '\r\n', '\uFEFF', '𠀀'];
const mutation: any = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(lines.length - 1) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(lines.length - 1) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(lines.length - 1), with: fc.nat(lines.length - 1) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(lines.length - 1), col: fc.nat(40), text: fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat(lines.length - 1), col: fc.nat(60) }),
);
function apply(source: string[], mutations: any[]): string {
  const out = [...source];
  for (const m of mutations) {
    const at = m.at % Math.max(out.length, 1);
    const line = out[at] ?? '';
    if (m.op === 'delete') out.splice(at, 1);
    else if (m.op === 'duplicate') out.splice(at, 0, line);
    else if (m.op === 'swap') [out[at], out[m.with % out.length]] = [out[m.with % out.length] ?? '', line];
    else if (m.op === 'insert') out[at] = line.slice(0, m.col) + m.text + line.slice(m.col);
    else out[at] = line.slice(0, m.col);
  }
  return out.join('\n');
}
const r = fc.check(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
  const text = apply(lines, ms as any[]);
  const result = parsePlan(text);
  if (result.ok) return stripWhitespace(planToText(result.value)) === stripWhitespace(text.replace(/^\uFEFF/u, ''));
  return true;
}), { numRuns: 3000, seed: 20200306 });
if (r.failed) { const ms = r.counterexample![0]; console.log(JSON.stringify(ms)); const text = apply(lines, ms as any[]); const res = parsePlan(text) as any; const a = stripWhitespace(planToText(res.value)), b = stripWhitespace(text.replace(/^\uFEFF/u, '')); let i=0; while (a[i]===b[i]) i++; console.log('at', i, 'plan:', a.slice(i-20,i+40), '\ninput:', b.slice(i-20, i+40)); } else console.log('ok');
