/**
 * Checks a well-shaped pack can be trusted as a whole: ids unique, every reference resolves,
 * every offset lies inside article.text, quotes are the text they point at, dates are real dates
 * as precise as they claim.
 */
import type { DateRef, Pack, Provenance } from './pack-schema';
import { describeValue, shorten, type PackError } from './pack-error';

/** Every integrity error of a pack that already matches the schema; [] when it is sound. */
export function checkIntegrity(pack: Pack): PackError[] {
  const errors: PackError[] = [];
  const textLength = pack.article.text.length;

  const span = (path: string, start: number, end: number): void => {
    if (start >= end) {
      errors.push({
        path: `${path}.start`,
        expected: `start < end (${end})`,
        found: String(start),
        message: start === end ? 'the span is empty' : `start ${start} is after end ${end}`,
      });
    }
    if (end > textLength) {
      errors.push({
        path: `${path}.end`,
        expected: `at most ${textLength} (the length of article.text)`,
        found: String(end),
        message: `offset ${end} is past the end of article.text (${textLength})`,
      });
    }
  };
  const provenance = (path: string, source: Provenance): void => {
    if (source.kind === 'article') span(path, source.start, source.end);
  };

  // Ids become keys wherever they are counted or looked up; one that names a property every object
  // inherits (`constructor`) would read that property instead of a missing entry.
  reservedId('id', pack.id, errors);
  const entityIds = uniqueIds(
    pack.entities.map((entity) => entity.id),
    'entities',
    'entity',
    errors,
  );
  uniqueIds(
    pack.quotes.map((quote) => quote.id),
    'quotes',
    'quote',
    errors,
  );
  const reference = (path: string, id: string | undefined): void => {
    if (id !== undefined && !entityIds.has(id)) {
      errors.push({ path, expected: 'the id of an entity of this pack', found: describeValue(id), message: `no entity has the id "${id}"` });
    }
  };

  provenance('article.title.provenance', pack.article.title.provenance);
  pack.article.sources.forEach((source, i) => reference(`article.sources[${i}].entity`, source.entity));
  let previousEnd = 0;
  pack.article.paragraphs.forEach((paragraph, i) => {
    const path = `article.paragraphs[${i}]`;
    span(path, paragraph.start, paragraph.end);
    if (paragraph.start < previousEnd) {
      errors.push({
        path: `${path}.start`,
        expected: `at least ${previousEnd} (paragraphs in order, not overlapping)`,
        found: String(paragraph.start),
        message: 'paragraphs overlap or are out of order',
      });
    }
    previousEnd = paragraph.end;
  });

  pack.entities.forEach((entity, i) => {
    const path = `entities[${i}]`;
    if (entity.role) provenance(`${path}.role.provenance`, entity.role.provenance);
    entity.summary.provenance.forEach((source, k) => provenance(`${path}.summary.provenance[${k}]`, source));
    entity.aliases.forEach((alias, k) => {
      if (alias.provenance) provenance(`${path}.aliases[${k}].provenance`, alias.provenance);
    });
    entity.mentions.forEach((mention, k) => span(`${path}.mentions[${k}]`, mention.start, mention.end));
    entity.relations.forEach((relation, k) => {
      reference(`${path}.relations[${k}].target`, relation.target);
      if (relation.target === entity.id) {
        errors.push({
          path: `${path}.relations[${k}].target`,
          expected: 'another entity',
          found: describeValue(relation.target),
          message: 'an entity cannot relate to itself',
        });
      }
      provenance(`${path}.relations[${k}].provenance`, relation.provenance);
    });
    entity.dates.forEach((date, k) => {
      dateError(`${path}.dates[${k}]`, date, errors);
      provenance(`${path}.dates[${k}].provenance`, date.provenance);
    });
    if (entity.coordinates) provenance(`${path}.coordinates.provenance`, entity.coordinates.provenance);
  });

  pack.quotes.forEach((quote, i) => {
    const path = `quotes[${i}]`;
    reference(`${path}.speaker`, quote.speaker);
    reference(`${path}.audience`, quote.audience);
    reference(`${path}.place`, quote.place);
    reference(`${path}.via`, quote.via);
    dateError(`${path}.date`, quote.date, errors);
    span(path, quote.start, quote.end);
    const actual = pack.article.text.slice(quote.start, quote.end);
    if (quote.start < quote.end && quote.end <= textLength && actual !== quote.ar) {
      errors.push({
        path: `${path}.ar`,
        expected: shorten(JSON.stringify(actual)),
        found: describeValue(quote.ar),
        message: 'the quote is not the article text at its offsets',
      });
    }
  });

  pack.blockers.forEach((blocker, i) => {
    blocker.entities.forEach((id, k) => reference(`blockers[${i}].entities[${k}]`, id));
  });
  return errors;
}

function reservedId(path: string, id: string, errors: PackError[]): void {
  if (id in Object.prototype) {
    errors.push({ path, expected: 'an id that is not a name JavaScript reserves', found: describeValue(id), message: `"${id}" is reserved and cannot be an id` });
  }
}

function uniqueIds(ids: readonly string[], list: string, what: string, errors: PackError[]): Set<string> {
  const firstIndex = new Map<string, number>();
  ids.forEach((id, i) => {
    reservedId(`${list}[${i}].id`, id, errors);
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, i);
    else {
      errors.push({
        path: `${list}[${i}].id`,
        expected: `an ${what} id not used before`,
        found: describeValue(id),
        message: `duplicate ${what} id "${id}" (first used at ${list}[${first}])`,
      });
    }
  });
  return new Set(firstIndex.keys());
}

const VALUE_SHAPE: Readonly<Record<DateRef['precision'], 1 | 2 | 3>> = {
  year: 1,
  month: 2,
  'early-month': 2,
  'mid-month': 2,
  'end-month': 2,
  day: 3,
};

function dateError(path: string, date: DateRef, errors: PackError[]): void {
  const parts = date.value.split('-').map(Number);
  const wanted = VALUE_SHAPE[date.precision];
  if (parts.length !== wanted) {
    const form = wanted === 1 ? 'YYYY' : wanted === 2 ? 'YYYY-MM' : 'YYYY-MM-DD';
    errors.push({ path: `${path}.value`, expected: `${form} for precision "${date.precision}"`, found: describeValue(date.value), message: `a "${date.precision}" date is written ${form}` });
    return;
  }
  const [year = 0, month = 1, day = 1] = parts;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    errors.push({ path: `${path}.value`, expected: 'a real calendar date', found: describeValue(date.value), message: `${date.value} is not a date` });
  }
}
