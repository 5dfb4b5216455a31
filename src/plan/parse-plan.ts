/**
 * Plan text → Plan, or every located problem. Pure: no file, clock or global state.
 *
 * The text is read line by line (blank lines carry no meaning: page breaks in the source PDF left blank lines
 * inside sentences). Each line is a section heading, an item heading, a labelled field, or the continuation
 * of whatever came before.
 */
import { assemblePlan, type ParsedBody } from './assemble.ts';
import { classifyLine, type Line } from './classify.ts';
import { toParagraphs, toSourceLines, type SourceLine } from './normalize.ts';
import { parseNotice } from './notice.ts';
import { parseUnitList } from './offices.ts';
import { problem, sortProblems, type Problem, type Result } from './problem.ts';
import type { Closing, Item, Plan, Section } from './schema.ts';

/** An item while it is being read: fields fill in as their labels appear. */
interface ItemDraft {
  line: Line & { kind: 'item' };
  section: number;
  goals?: { label: string; lines: string[]; at: SourceLine };
  measures?: { label: string; lines: string[]; at: SourceLine };
  units?: { label: string; text: string; at: SourceLine };
  /** Field that continuation lines extend. */
  open?: 'goals' | 'measures' | 'units';
}

const FIELD_NAMES = { goals: '目标任务', measures: '工作措施', units: '责任单位' } as const;
const FIELD_ORDER = ['goals', 'measures', 'units'] as const;

/**
 * Parses plan text.
 * @example parsePlan(text).ok // true for the 2020 plan
 */
export function parsePlan(text: string): Result<Plan> {
  const lines = toSourceLines(text);
  if (lines.length === 0) {
    return {
      ok: false,
      problems: [problem(1, 1, 'empty-file', 'The file holds no text. Give the path of the plan text file.')],
    };
  }
  const problems: Problem[] = [];
  const classified = lines.map((l, i) => classifyLine(l, lines[i + 1]));

  // Everything before the first heading is the notice, the plan title and the general requirements.
  let first = classified.findIndex((l) => l.kind === 'section' || l.kind === 'item');
  if (first === -1) first = classified.length;
  const preamble = parseNotice(lines.slice(0, first), problems);

  const body = parseBody(classified.slice(first), problems);
  if (body.sections.length === 0) {
    const at = lines[first] ?? lines[lines.length - 1]!;
    problems.push(
      problem(
        at.line,
        at.column,
        'no-sections',
        'No section heading found. Sections start a line with a Chinese numeral and 、, e.g. “一、加强党对教育工作的全面领导”.',
      ),
    );
  }
  if (problems.length > 0 || !preamble) return { ok: false, problems: sortProblems(problems) };
  return assemblePlan(preamble, body);
}

/** Reads sections, items and the closing paragraph. */
function parseBody(lines: Line[], problems: Problem[]): ParsedBody {
  const sections: Section[] = [];
  const items: Item[] = [];
  let draft: ItemDraft | undefined;
  let closing: { lines: string[]; units?: { label: string; text: string; at: SourceLine }; at: SourceLine } | undefined;
  let lastItemNumber = 0;
  const seenItems = new Set<number>();

  const finishItem = () => {
    if (!draft) return;
    const item = finishDraft(draft, problems);
    if (item) items.push(item);
    draft = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const src = line.source;

    if (closing) {
      if (line.kind === 'label' && line.field === 'units' && !closing.units) {
        closing.units = { label: line.label, text: line.rest, at: src };
      } else if (closing.units && !closing.units.text.endsWith('、') && line.kind !== 'label') {
        problems.push(
          problem(src.line, src.column, 'unexpected-text', 'Text after the closing paragraph’s 责任单位 line. The plan should end there; remove it or move it into an item.'),
        );
      } else if (closing.units) {
        closing.units.text += line.source.text;
      } else if (line.kind === 'label') {
        problems.push(
          problem(src.line, src.column, 'unexpected-text', `A ${line.label} label in the closing paragraph. Only 责任单位 may follow it.`),
        );
      } else {
        closing.lines.push(src.text);
      }
      continue;
    }

    if (line.kind === 'section') {
      finishItem();
      const expected = sections.length + 1;
      if (line.number !== expected) {
        problems.push(
          problem(
            src.line,
            src.column,
            'section-number-order',
            `Section ${line.numeral}、 (${line.number}) follows section ${expected - 1}; sections must be numbered 一、二、三… without gaps or repeats.`,
          ),
        );
      }
      const previous = sections[sections.length - 1];
      if (previous && previous.items.length === 0) reportEmptySection(previous, lines, problems);
      sections.push({
        number: sections.length + 1,
        numeral: line.numeral,
        separator: line.separator,
        title: line.title,
        items: [],
      });
      continue;
    }

    if (line.kind === 'item') {
      finishItem();
      const section = sections[sections.length - 1];
      if (!section) {
        problems.push(
          problem(src.line, src.column, 'item-before-section', `Item ${line.number} comes before any section heading. Add a section heading such as “一、…” above it.`),
        );
      }
      if (seenItems.has(line.number)) {
        problems.push(
          problem(src.line, src.column, 'duplicate-item-number', `Item number ${line.number} is used twice. Renumber the items 1, 2, 3… in order.`),
        );
      } else if (line.number !== lastItemNumber + 1) {
        const rule = line.number > lastItemNumber ? 'skipped-item-number' : 'item-number-order';
        const what =
          line.number > lastItemNumber
            ? `Item ${line.number} follows item ${lastItemNumber}; ${range(lastItemNumber + 1, line.number - 1)} missing.`
            : `Item ${line.number} follows item ${lastItemNumber}; items must be numbered in ascending order.`;
        problems.push(problem(src.line, src.column, rule, `${what} Number the items 1, 2, 3… without gaps.`));
      }
      seenItems.add(line.number);
      lastItemNumber = Math.max(lastItemNumber, line.number);
      if (section) section.items.push(line.number);
      draft = { line, section: section?.number ?? 0 };
      if (!line.title) {
        problems.push(problem(src.line, src.column, 'missing-title', `Item ${line.number} has no title after its number.`));
      }
      continue;
    }

    if (line.kind === 'label') {
      if (!draft) {
        problems.push(
          problem(src.line, src.column, 'unexpected-text', `${line.label} appears outside an item. Each field belongs under a numbered item heading such as “1. …”.`),
        );
        continue;
      }
      addField(draft, line, problems);
      continue;
    }

    // Plain text: continues the open field, or starts the closing paragraph, or is out of place.
    if (draft?.open === 'goals' || draft?.open === 'measures') {
      draft[draft.open]!.lines.push(src.text);
      continue;
    }
    if (draft?.open === 'units' && draft.units!.text.endsWith('、')) {
      // A 责任单位 list wrapped onto the next line.
      draft.units!.text += src.text;
      continue;
    }
    const moreHeadings = lines.slice(i + 1).some((l) => l.kind === 'item' || l.kind === 'section');
    if (draft?.open === 'units' && !moreHeadings) {
      finishItem();
      closing = { lines: [src.text], at: src };
      continue;
    }
    problems.push(unexpectedText(line, draft));
  }
  finishItem();
  const last = sections[sections.length - 1];
  if (last && last.items.length === 0) reportEmptySection(last, lines, problems);

  let closingValue: Closing | undefined;
  if (closing) {
    if (!closing.units || closing.units.text === '') {
      problems.push(
        problem(closing.at.line, closing.at.column, 'missing-units', 'The closing paragraph has no 责任单位 line. Add “责任单位：…” after it.'),
      );
    } else {
      const responsible = readUnits(closing.units.text, closing.units.at, closing.units.label, problems);
      if (responsible) {
        closingValue = { paragraphs: toParagraphs(closing.lines), responsible, unitsLabel: closing.units.label };
      }
    }
  }
  return { sections, items, closing: closingValue };
}

function range(from: number, to: number): string {
  return from === to ? `item ${from} is` : `items ${from}–${to} are`;
}

function reportEmptySection(section: Section, lines: Line[], problems: Problem[]) {
  const at = lines.find((l) => l.kind === 'section' && l.title === section.title)?.source;
  problems.push(
    problem(at?.line ?? 1, at?.column ?? 1, 'empty-section', `Section ${section.numeral}、${section.title} has no items. Add its numbered items or remove the heading.`),
  );
}

function unexpectedText(line: Line, draft: ItemDraft | undefined): Problem {
  const src = line.source;
  const where = draft
    ? draft.open
      ? `after item ${draft.line.number}’s 责任单位 line`
      : `right after the heading of item ${draft.line.number}, where “目标任务：” should be`
    : 'between a section heading and its first item';
  return problem(
    src.line,
    src.column,
    'unexpected-text',
    `Unexpected text ${where}: “${excerpt(src.text)}”. Start the line with 目标任务：, 工作措施： or 责任单位：, or join it to the paragraph it belongs to.`,
  );
}

function excerpt(text: string): string {
  const chars = [...text];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text;
}

function addField(draft: ItemDraft, line: Line & { kind: 'label' }, problems: Problem[]) {
  const src = line.source;
  const field = line.field;
  if (draft[field]) {
    problems.push(
      problem(src.line, src.column, 'duplicate-field', `Item ${draft.line.number} has a second ${FIELD_NAMES[field]} line. Merge the two into one field.`),
    );
    return;
  }
  const order = FIELD_ORDER.indexOf(field);
  const later = FIELD_ORDER.slice(order + 1).find((f) => draft[f]);
  if (later) {
    problems.push(
      problem(src.line, src.column, 'field-order', `In item ${draft.line.number}, ${FIELD_NAMES[field]} comes after ${FIELD_NAMES[later]}. Fields go in the order 目标任务, 工作措施, 责任单位.`),
    );
  }
  if (field === 'units') draft.units = { label: line.label, text: line.rest, at: src };
  else draft[field] = { label: line.label, lines: line.rest ? [line.rest] : [], at: src };
  draft.open = field;
}

function finishDraft(draft: ItemDraft, problems: Problem[]): Item | undefined {
  const { line } = draft;
  const at = line.source;
  let ok = true;
  for (const field of FIELD_ORDER) {
    const value = draft[field];
    if (!value) {
      ok = false;
      problems.push(
        problem(at.line, at.column, `missing-${field}`, `Item ${line.number} (${excerpt(line.title)}) has no ${FIELD_NAMES[field]}. Add a line “${FIELD_NAMES[field]}：…” to it.`),
      );
    } else if ('lines' in value ? value.lines.length === 0 : value.text === '') {
      ok = false;
      problems.push(
        problem(value.at.line, value.at.column, 'empty-field', `Item ${line.number}’s ${FIELD_NAMES[field]} is empty. Write its text after the colon.`),
      );
    }
  }
  if (!ok || !line.title) return undefined;
  const responsible = readUnits(draft.units!.text, draft.units!.at, draft.units!.label, problems);
  if (!responsible) return undefined;
  return {
    number: line.number,
    title: line.title,
    section: draft.section,
    goals: toParagraphs(draft.goals!.lines).join('\n'),
    measures: toParagraphs(draft.measures!.lines),
    responsible,
    source: {
      numberText: line.numberText,
      goalsLabel: draft.goals!.label,
      measuresLabel: draft.measures!.label,
      unitsLabel: draft.units!.label,
      pos: { line: at.line, column: at.column },
    },
  };
}

function readUnits(text: string, at: SourceLine, label: string, problems: Problem[]) {
  const { list, emptyAt } = parseUnitList(text);
  const labelWidth = [...label].length;
  for (const offset of emptyAt) {
    problems.push(
      problem(at.line, at.column + labelWidth + offset, 'empty-unit', 'An empty entry in the 责任单位 list (two 、 in a row, or one at an end). Remove the extra 、.'),
    );
  }
  if (emptyAt.length > 0 || list.units.length === 0) return undefined;
  return list;
}
