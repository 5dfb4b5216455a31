import { describe, expect, it } from 'vitest';
import { canonicalOfficeName, isGroupEntry, officeToSlug, parseUnitList, unitListToText } from '../../src/plan/offices.ts';

describe('parseUnitList', () => {
  it('splits on 、 and marks the first entry as lead', () => {
    const { list } = parseUnitList('基教处、财建处、人事处');
    expect(list.units.map((u) => [u.name, u.lead])).toEqual([['基教处', true], ['财建处', false], ['人事处', false]]);
  });

  it('removes and records a trailing 等', () => {
    const { list } = parseUnitList('办公室、机关党委、老干处等');
    expect(list.etc).toBe(true);
    expect(list.units.at(-1)!.name).toBe('老干处');
  });

  it('removes and records a trailing 。', () => {
    const { list } = parseUnitList('政法处、财建处、教育督导处。');
    expect(list.trailing).toBe('。');
    expect(list.units.at(-1)!.name).toBe('教育督导处');
  });

  it('handles 等 followed by 。', () => {
    const { list } = parseUnitList('办公室、人事处等。');
    expect([list.etc, list.trailing, list.units.length]).toEqual([true, '。', 2]);
  });

  it('keeps a name that is only 等 rather than emptying it', () => {
    expect(parseUnitList('等').list.units.map((u) => u.name)).toEqual(['等']);
  });

  it('reports the offset of an empty entry', () => {
    expect(parseUnitList('办公室、、基教处').emptyAt).toEqual([4]);
  });

  it('round-trips to the text as written', () => {
    for (const text of ['秘书处、相关处室', '驻厅纪检监察组、财建处等', '政法处、教育督导处。']) {
      expect(unitListToText(parseUnitList(text).list)).toBe(text);
    }
  });

  it('resolves aliases to one office slug', () => {
    const aliases = { 考试院: '教育考试院' };
    const a = parseUnitList('考试院', aliases).list.units[0]!;
    const b = parseUnitList('教育考试院', aliases).list.units[0]!;
    expect(a.office).toBe(b.office);
    expect(a.name).toBe('考试院');
  });
});

describe('groups and names', () => {
  it.each(['相关处室', '厅扶贫领导小组成员处室', '厅新冠肺炎疫情防控领导小组成员处室'])('%s is a group', (name) => {
    expect(isGroupEntry(name)).toBe(true);
  });
  it.each(['办公室', '基教处', '驻厅纪检监察组', '机关党委', '就业指导中心', '教科院'])('%s is an office', (name) => {
    expect(isGroupEntry(name)).toBe(false);
  });
  it('maps a name through the plan\'s aliases, and knows no alias of its own', () => {
    expect(canonicalOfficeName('考试院', { 考试院: '教育考试院' })).toBe('教育考试院');
    expect(canonicalOfficeName('基教处', { 考试院: '教育考试院' })).toBe('基教处');
    expect(canonicalOfficeName('考试院')).toBe('考试院');
  });
});

describe('officeToSlug', () => {
  it.each([
    ['基教处', 'jijiaochu'],
    ['教育考试院', 'jiaoyukaoshiyuan'],
    ['驻厅纪检监察组', 'zhutingjijianjianchazu'],
    ['体卫艺处', 'tiweiyichu'],
  ])('%s → %s', (name, slug) => {
    expect(officeToSlug(name)).toBe(slug);
  });
  it('gives only URL-safe ASCII for hostile names', () => {
    expect(officeToSlug('<script>处')).toMatch(/^[a-z0-9-]+$/u);
  });
});
