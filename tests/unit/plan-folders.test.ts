/**
 * Plan files and folders on disk (src/publish/content/plan-folders.ts): a readable document needs no plan.json; what the
 * document does not say is asked for at its title in the source; a wrong key of plan.json is pointed at where
 * it is written.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanFolder, readPlanFromFile, readPlans } from '../../src/publish/content/plan-folders.ts';
import { PlanInputError } from '../../src/publish/pipeline/cli.ts';

const BODY = ['一、加强学校建设', '', '1.建设新校区', '', '目标任务：完成新校区建设。', '', '工作措施：加快施工进度。', '', '责任单位：基建处'].join('\n');

/** The problems a read throws, as printed. */
async function problemsOf(read: Promise<unknown>): Promise<string[]> {
  try {
    await read;
  } catch (error) {
    if (error instanceof PlanInputError) return error.lines;
    throw error;
  }
  return [];
}

describe('reading a plan without plan.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-folders-'));

  it('takes year, span and series from the title, and needs no plan.json', async () => {
    const file = join(dir, 'span.txt');
    writeFileSync(file, `某某市学校建设三年计划（2022—2024年）\n\n为改善办学条件，制定本计划。\n\n${BODY}\n`);
    const { config } = await readPlanFromFile(file);
    expect(config).toMatchObject({ id: '2022-2024', year: 2022, yearTo: 2024, yearFrom: 'title', series: '某某市学校建设三年计划' });
  });

  it('takes the year from the plan’s own signed date when the title names none', async () => {
    const file = join(dir, 'signed.txt');
    writeFileSync(file, `某某市学校建设计划\n\n为改善办学条件，制定本计划。\n\n${BODY}\n\n某某市教育局\n\n2023年5月4日\n`);
    const { read, config } = await readPlanFromFile(file);
    expect(read.plan.signature?.isoDate).toBe('2023-05-04');
    expect(config).toMatchObject({ id: '2023', year: 2023, yearFrom: 'date', series: '某某市学校建设计划' });
  });

  it('asks for the year at the title in the source, never at a plan.json that does not exist', async () => {
    const file = join(dir, 'no-year.txt');
    writeFileSync(file, `\n某某市学校建设计划\n\n为改善办学条件，制定本计划。\n\n${BODY}\n`);
    const lines = await problemsOf(readPlanFromFile(file));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:2:1: year-unknown: no-year\\.txt: the title “某某市学校建设计划” names no year`, 'u'));
    expect(lines[0]).toContain('"year": 2021');
    expect(lines.join('\n')).not.toContain('plan.json:1:1');
  });

  it('points a wrong key of plan.json at its line and column', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'plan.txt'), `某某市学校建设2023年工作要点\n\n为改善办学条件，制定本计划。\n\n${BODY}\n`);
    writeFileSync(join(folder, 'plan.json'), '{\n  "id": "2023",\n  "status": "有效"\n}\n');
    const lines = await problemsOf(readPlanFolder(folder));
    expect(lines).toEqual([`${join(folder, 'plan.json')}:3:3: config-invalid: plan.json: status must be one of 现行有效, 已失效, 已被替代`]);
  });

  it('refuses a folder of two documents at the choice, without reading either (one of them is no document at all)', async () => {
    const folder = join(dir, 'two');
    mkdirSync(folder);
    // Not a PDF, and first in the folder: read, it would be refused as damaged, hiding the real problem.
    writeFileSync(join(folder, 'a.pdf'), 'not a pdf');
    writeFileSync(join(folder, 'b.txt'), `某某市学校建设2023年工作要点\n\n${BODY}\n`);
    const lines = await problemsOf(readPlanFolder(folder));
    expect(lines).toEqual([`${join(folder, '.')}:1:1: source-ambiguous: .: the folder holds several source documents (a.pdf, b.txt). Keep one, or name it in plan.json as "source": { "file": "a.pdf" }.`]);
  });

  it('with PLAN_FILE, takes a plan.json that names the file even when it is invalid, and says what is wrong at its key', async () => {
    const folder = join(dir, 'named');
    mkdirSync(folder);
    writeFileSync(join(folder, 'plan.txt'), `某某市学校建设2023年工作要点\n\n为改善办学条件，制定本计划。\n\n${BODY}\n`);
    writeFileSync(join(folder, 'plan.json'), '{\n  "source": {"file": "plan.txt"},\n  "yaer": 2023\n}\n');
    const lines = await problemsOf(readPlanFromFile(join(folder, 'plan.txt')));
    expect(lines).toEqual([`${join(folder, 'plan.json')}:3:3: config-invalid: plan.json: unknown key “yaer”. Check the spelling; the keys are $comment, id, year, yearTo, series, status, supersedes, source, officeAliases, editorialNotes.`]);
  });

  it('reports every bad folder of an archive, in the folders’ order, though they are read several at a time', async () => {
    const root = mkdtempSync(join(tmpdir(), 'plan-folders-order-'));
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const name of names) {
      const folder = join(root, name);
      mkdirSync(folder);
      writeFileSync(join(folder, 'plan.txt'), `某某市学校建设2023年工作要点\n\n为改善办学条件，制定本计划。\n\n${BODY}\n`);
      writeFileSync(join(folder, 'plan.json'), '{\n  "status": "有效"\n}\n');
    }
    const lines = await problemsOf(readPlans({ PLANS_DIR: root }));
    expect(lines.map((l) => l.split('/').at(-2))).toEqual(names);
  });

  it('points a duplicate id at where each plan gets it: its "id" in plan.json, else the title that gave its year', async () => {
    const plans = join(dir, 'plans');
    const plan = `\n某某市学校建设2023年工作要点\n\n为改善办学条件，制定本计划。\n\n${BODY}\n`;
    for (const name of ['a', 'b', 'c']) {
      mkdirSync(join(plans, name), { recursive: true });
      writeFileSync(join(plans, name, 'plan.txt'), plan);
    }
    writeFileSync(join(plans, 'c', 'plan.json'), '{\n  "$comment": "x",\n  "id": "2023"\n}\n');
    const lines = await problemsOf(readPlans({ PLANS_DIR: plans }));
    expect(lines.map((l) => l.slice(0, l.indexOf(': duplicate-plan-id:')))).toEqual([`${join(plans, 'b', 'plan.txt')}:2:1`, `${join(plans, 'c', 'plan.json')}:3:3`]);
  });
});
