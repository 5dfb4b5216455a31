/**
 * Builds the finished Plan from parsed parts: offices and groups from the 责任单位 lists, extracted spans,
 * and a final zod validation so nothing leaves the parser that does not match the schema.
 */
import { extractCitations, extractQuotes, extractTargets } from './extract.ts';
import type { ParsedBody } from './body.ts';
import type { Preamble } from './preamble.ts';
import { canonicalOfficeName, resolveUnitAliases, type OfficeAliases } from './offices.ts';
import { problem, type Result } from './problem.ts';
import { PlanSchema, type Attachment, type Closing, type Colophon, type Group, type Item, type Office, type Plan, type Signature } from './schema.ts';

/** Collects offices (aliases merged) and groups from every 责任单位 list. */
export function collectOffices(items: readonly Item[], closing?: Closing, aliases: OfficeAliases = {}): { offices: Office[]; groups: Group[] } {
  const offices = new Map<string, Office>();
  const groups = new Map<string, Group>();
  const lists = [
    ...items.flatMap((item) => (item.responsible ? [{ number: item.number as number | undefined, list: item.responsible }] : [])),
    ...(closing ? [{ number: undefined, list: closing.responsible }] : []),
  ];
  for (const { number, list } of lists) {
    for (const unit of list.units) {
      if (unit.kind === 'group') {
        const group = groups.get(unit.name) ?? { name: unit.name, items: [] };
        if (number !== undefined && !group.items.includes(number)) group.items.push(number);
        groups.set(unit.name, group);
        continue;
      }
      const slug = unit.office!;
      const office =
        offices.get(slug) ?? { slug, name: canonicalOfficeName(unit.name, aliases), aliases: [], items: [], closing: false };
      if (unit.name !== office.name && !office.aliases.includes(unit.name)) office.aliases.push(unit.name);
      if (number === undefined) office.closing = true;
      else if (!office.items.some((i) => i.number === number)) office.items.push({ number, lead: unit.lead });
      offices.set(slug, office);
    }
  }
  const sorted = [...offices.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  return { offices: sorted, groups: [...groups.values()] };
}

/** The body with every 责任单位 entry's office resolved through the plan's aliases (a no-op without any). */
function withAliases(body: ParsedBody, aliases: OfficeAliases): ParsedBody {
  if (Object.keys(aliases).length === 0) return body;
  return {
    ...body,
    items: body.items.map((item) => (item.responsible ? { ...item, responsible: resolveUnitAliases(item.responsible, aliases) } : item)),
    ...(body.closing ? { closing: { ...body.closing, responsible: resolveUnitAliases(body.closing.responsible, aliases) } } : {}),
  };
}

/** Assembles and validates the Plan; `aliases` (alias → canonical office name) come from the plan's config. */
export function assemblePlan(
  preamble: Preamble,
  parsedBody: ParsedBody,
  tail: { signature?: Signature | undefined; attachmentNote?: string[] | undefined; attachments: Attachment[]; colophon?: Colophon | undefined },
  aliases: OfficeAliases = {},
): Result<Plan> {
  const body = withAliases(parsedBody, aliases);
  const { offices, groups } = collectOffices(body.items, body.closing, aliases);
  const slugOwners = new Map<string, string>();
  for (const office of offices) {
    const owner = slugOwners.get(office.slug);
    if (owner) {
      return {
        ok: false,
        // Located at the first item that names the second office, where the clash shows in the text.
        problems: [problem(...positionOfOffice(body.items, office), 'slug-collision', `The offices ${owner} and ${office.name} get the same URL slug “${office.slug}” (their names read the same in pinyin). If they are one office under two names, declare the alias in the plan's office aliases; otherwise this is a limit of the site's addresses, please report it.`)],
      };
    }
    slugOwners.set(office.slug, office.name);
  }
  const candidate = {
    ...(preamble.notice ? { notice: preamble.notice } : {}),
    ...(preamble.mark ? { mark: preamble.mark } : {}),
    title: preamble.title,
    requirements: preamble.requirements,
    sections: body.sections,
    items: body.items,
    ...(body.closing ? { closing: body.closing } : {}),
    ...(tail.signature ? { signature: tail.signature } : {}),
    ...(tail.attachmentNote ? { attachmentNote: tail.attachmentNote } : {}),
    attachments: tail.attachments,
    ...(tail.colophon ? { colophon: tail.colophon } : {}),
    offices,
    groups,
    targets: extractTargets(body.items),
    citations: extractCitations(body.items),
    quotes: extractQuotes(body.items),
  };
  const parsed = PlanSchema.safeParse(candidate);
  if (!parsed.success) {
    // Reaching here means the parser let through something the schema forbids: report it, located at the top.
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) =>
        problem(1, 1, 'invalid-plan', `${issue.path.join('.')}: ${issue.message}. This is a bug in the parser; please report it with the input file.`),
      ),
    };
  }
  return { ok: true, value: parsed.data };
}

// The heading of the first item that names the office (its 责任单位 line has no position of its own), else 1:1.
function positionOfOffice(items: readonly Item[], office: Office): [number, number] {
  const pos = items.find((i) => i.number === office.items[0]?.number)?.source.pos;
  return pos ? [pos.line, pos.column] : [1, 1];
}
