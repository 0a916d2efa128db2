"""The one search engine: the search page and the job list's keyword filter both call it.

    search("educatrice")                        -> Results, grouped by kind of document
    ranked("educatrice", DocumentKind.CAREER)   -> (Query, [object ids, best first])

Matching and ranking are one SQL statement over the postings, the same on SQLite and on
PostgreSQL: a document matches when it holds every term (one of the term's stems), and its
rank adds up, per term, the weight of the best place the term holds there (title 4, lead 2,
body 1; models.Place). Equal ranks come in the order of the titles (text.title_key). A
search costs three queries: one read of the vocabulary, the synonyms and the jobs at a level
the query names (see prepare()), one for the ranked matches, one for the texts shown; a
fourth when a word needs correcting. The job list's filter needs one (two if corrected).
Figures at 100 and 1,000 times the brochure: bench/search_bench.py.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q

from .highlight import excerpt
from .models import KIND_ORDER, DocumentKind, Place, SearchDocument, SearchPosting, SearchWord
from .query import (
    Term,
    candidates,
    lookups,
    matching_synonyms,
    needs_correction,
    parse,
    resolve,
)
from .text import words

PER_GROUP = 10
# A group opened on its own (?groupe=metier) shows this many hits per page.
PER_PAGE = 20
LEVEL_JOBS = 10
SUGGESTIONS = 3
SUGGESTION_PREFIX = 4


@dataclass
class Hit:
    title: str
    url: str
    meta: str
    excerpt: str
    rank: int


@dataclass
class Group:
    kind: DocumentKind
    total: int
    hits: list
    # The position of the first hit shown, from 1.
    start: int = 1

    @property
    def label(self):
        return self.kind.label

    @property
    def end(self):
        return self.start + len(self.hits) - 1


@dataclass
class LevelJobs:
    """The jobs open at the level a query names: the first few, and how many in all."""

    reading: object
    total: int
    jobs: list


@dataclass
class Results:
    query: object
    groups: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)
    level_jobs: LevelJobs | None = None

    @property
    def total(self):
        return sum(group.total for group in self.groups)

    @property
    def best(self):
        """The best hit of all groups; on a tie, the group shown first."""
        firsts = [group.hits[0] for group in self.groups if group.hits]
        return max(firsts, key=lambda hit: hit.rank, default=None)


def prepare(raw, exact=False, guess=None, level_jobs=False):
    """Parse the query and read, in one SQL statement, what resolving it needs: the
    vocabulary rows of its words, the synonyms, and optionally the jobs open at the level
    it names and the ids a guessed match finds. A second statement only when a word needs
    correcting.

    `guess` (kind) also returns the ids of that kind found if every word is kept as typed;
    `level_jobs` also returns the first LEVEL_JOBS jobs at the level read and their count.
    Returns (query.Query, {"ids": [...] or None, "level": ([ids], total) or None}); the
    query's `message` says why nothing can be searched, if so.
    """
    query = parse(raw, exact=exact)
    found = {"ids": None, "level": None}
    if query.message:
        return query, found
    parts, params = (
        ["SELECT 's', typed, formal, CASE WHEN both_ways THEN 1 ELSE 0 END FROM search_synonym"],
        [],
    )
    stems = lookups(query)
    if stems:
        parts.append(
            "SELECT 'w', stem, word, frequency FROM search_searchword "
            f"WHERE stem IN ({', '.join(['%s'] * len(stems))})"
        )
        params.extend(stems)
    years = query.level.years if query.level else None
    if level_jobs and years is not None:
        parts.append(
            "SELECT 'l', NULL, NULL, id FROM (SELECT id FROM search_searchdocument "
            "WHERE kind = %s AND level <= %s ORDER BY title_key, id LIMIT %s) jobs"
        )
        parts.append(
            "SELECT 'n', NULL, NULL, COUNT(*) FROM search_searchdocument "
            "WHERE kind = %s AND level <= %s"
        )
        params.extend([DocumentKind.CAREER, years, LEVEL_JOBS, DocumentKind.CAREER, years])
    guessed = [Term(w, (w,), (query.stem(w),)) for w in query.significant]
    if guess and guessed:
        matches, match_params = _ranked_ids_sql(query, _terms_of(guessed), guess)
        parts.append(f"SELECT 'i', NULL, NULL, object_id FROM ({matches}) ids")
        params.extend(match_params)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    vocabulary, synonyms, level_ids, total = {}, [], [], 0
    found_ids = []
    for tag, a, b, number in rows:
        if tag == "w":
            vocabulary[a] = (b, number)
        elif tag == "s":
            synonyms.append((a, b, bool(number)))
        elif tag == "l":
            level_ids.append(number)
        elif tag == "n":
            total = number
        else:
            found_ids.append(number)
    if level_jobs and years is not None:
        found["level"] = (level_ids, total)
    query.synonyms = matching_synonyms(query, synonyms)
    if not query.significant:
        return query, found
    unknown = needs_correction(query, vocabulary)
    if unknown:
        vocabulary.update(_vocabulary(_near([query.stem(word) for word in unknown])))
    resolve(query, vocabulary)
    if guess:
        same = [t.stems for t in _terms(query)] == [t.stems for t in _terms_of(guessed)]
        found["ids"] = found_ids if same else None
    return query, found


def _vocabulary(condition):
    return {
        s: (word, frequency)
        for s, word, frequency in SearchWord.objects.filter(condition).values_list(
            "stem", "word", "frequency"
        )
    }


def _near(stems):
    condition = Q(pk__in=[])
    for s in stems:
        lengths, first, last = candidates(s)
        condition |= Q(length__range=lengths) & (Q(stem__startswith=first) | Q(stem__endswith=last))
    return condition


def _terms(query):
    """The terms to match, one per distinct set of stems ("infirmier infirmière" is one)."""
    return _terms_of(query.terms)


def _terms_of(terms):
    return list({term.stems: term for term in terms}.values())


def _matches(terms, kind=None, level=None):
    """SQL selecting (document_id, kind, rank, title_key, object_id) for the documents that
    hold every term; with `level`, the jobs among them must be open at that level. It reads
    the postings alone, along their rank-ordered index."""
    parts, params = [], []
    for i, term in enumerate(terms):
        where = "stem IN (" + ", ".join(["%s"] * len(term.stems)) + ")"
        params.extend(term.stems)
        if kind:
            where += " AND kind = %s"
            params.append(kind)
        if level is not None:
            where += " AND (kind <> %s OR level <= %s)"
            params.extend([DocumentKind.CAREER, level])
        columns = "document_id, kind, title_key, object_id"
        # (stem, document) is unique: one stem needs no grouping.
        if len(term.stems) == 1:
            sql = f"SELECT {columns}, score FROM search_searchposting WHERE {where}"
        else:
            sql = (
                f"SELECT {columns}, MAX(score) AS score FROM search_searchposting "
                f"WHERE {where} GROUP BY {columns}"
            )
        parts.append(f"({sql}) t{i}")
    joins = " ".join(
        f"JOIN {part} ON t{i}.document_id = t0.document_id" for i, part in enumerate(parts) if i
    )
    rank = " + ".join(f"t{i}.score" for i in range(len(parts)))
    sql = (
        f"SELECT t0.document_id, t0.kind, {rank} AS rank, t0.title_key, t0.object_id "
        f"FROM {parts[0]} {joins}"
    )
    return sql, params


def _level(query):
    """The level that narrows the jobs found: one typed as a level, not a diploma's name."""
    reading = query.level
    if reading and not reading.searched and reading.years is not None:
        return reading.years
    return None


def _ranked_rows(query, terms, kind=None, first=1, last=PER_GROUP):
    """[(document id, kind, rank, matches of that kind)] for positions first..last of
    each kind, best first."""
    if len(terms) == 1 and len(terms[0].stems) == 1:
        return _one_stem_rows(query, terms[0].stems[0], kind, first, last)
    matches, params = _matches(terms, kind, _level(query))
    sql = f"""
        SELECT document_id, kind, rank, found FROM (
            SELECT document_id, kind, rank,
                COUNT(*) OVER (PARTITION BY kind) AS found,
                ROW_NUMBER() OVER (
                    PARTITION BY kind ORDER BY rank DESC, title_key, document_id
                ) AS position
            FROM ({matches}) m
        ) r
        WHERE position BETWEEN %s AND %s
        ORDER BY kind, position
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, first, last])
        return cursor.fetchall()


def _one_stem_rows(query, stem, kind, first, last):
    """_ranked_rows() for a query of one stem, the most common kind: each kind's hits are
    the first entries of the postings' index in its order, and its count a count of index
    entries; no window over every match. Same rows, same order as the general case."""
    level = _level(query)
    parts, params = [], []
    for each in [kind] if kind else list(DocumentKind):
        where, where_params = "stem = %s AND kind = %s", [stem, each]
        if level is not None and each == DocumentKind.CAREER:
            where += " AND level <= %s"
            where_params.append(level)
        parts.append(
            f"SELECT document_id, kind, score, "
            f"(SELECT COUNT(*) FROM search_searchposting WHERE {where}) "
            f"FROM (SELECT document_id, kind, score FROM search_searchposting WHERE {where} "
            f"ORDER BY score DESC, title_key, document_id LIMIT %s OFFSET %s) hits"
        )
        params += [*where_params, *where_params, last - first + 1, first - 1]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()


def _ranked_ids_sql(query, terms, kind):
    matches, params = _matches(terms, kind, _level(query))
    return f"SELECT object_id FROM ({matches}) m ORDER BY rank DESC, title_key, document_id", params


def ranked(raw, kind, exact=False):
    """The objects of `kind` that search(raw) finds, best first: (query, [object ids]).

    The ids are None when `raw` holds nothing usable to search for (empty, one letter, too
    long), so that a list filtering on it stays whole. One SQL statement when every word is
    in the index as typed (see prepare()); one more when a word was corrected or joined.
    """
    query, found = prepare(raw, exact=exact, guess=kind)
    if query.message:
        return query, None
    terms = _terms(query)
    if not terms:
        return query, []
    if found["ids"] is not None:
        return query, found["ids"]
    matches, params = _ranked_ids_sql(query, terms, kind)
    with connection.cursor() as cursor:
        cursor.execute(matches, params)
        return query, [row[0] for row in cursor.fetchall()]


def search(raw, per_group=PER_GROUP, exact=False, kind=None, page=1):
    """Results for `raw`: each kind's best `per_group` hits; or, with `kind`, that kind's
    hits of page `page` (PER_PAGE a page). Never raises on what a visitor types."""
    query, found = prepare(raw, exact=exact, level_jobs=True)
    results = Results(query=query)
    if query.message:
        return results
    terms = _terms(query)
    rows, first = [], 1
    if terms:
        if kind:
            first = (page - 1) * PER_PAGE + 1
            rows = _ranked_rows(query, terms, kind, first, first + PER_PAGE - 1)
        else:
            rows = _ranked_rows(query, terms, last=per_group)
    level_ids, level_total = found["level"] or ([], 0)
    # One read for the texts of the hits and of the level's jobs.
    texts = SearchDocument.objects.only(
        "title", "url", "meta", "lead", "body", "title_key"
    ).in_bulk([pk for pk, *_ in rows] + level_ids)
    results.groups = _groups(query, rows, first, texts)
    if query.level:
        results.level_jobs = LevelJobs(query.level, level_total, [texts[pk] for pk in level_ids])
    if not results.groups and not results.level_jobs and terms or query.ignored and not terms:
        results.suggestions = _closest(query)
    return results


def _groups(query, rows, first, texts):
    highlighted = [s for term in query.terms for s in term.stems]
    highlighted += [query.stem(word) for _, formal in query.synonyms for word in words(formal)]
    groups = {}
    for pk, kind, rank, found in rows:
        doc = texts[pk]
        group = groups.setdefault(kind, Group(DocumentKind(kind), found, [], first))
        group.hits.append(Hit(doc.title, doc.url, doc.meta, excerpt(doc.text, highlighted), rank))
    return sorted(groups.values(), key=lambda group: KIND_ORDER[group.kind])


def _closest(query, limit=SUGGESTIONS):
    """Jobs whose titles hold a word starting like one the visitor typed (its first
    SUGGESTION_PREFIX letters): at most `limit`, in title order. Two index range reads,
    whatever the size of the guide."""
    condition = Q(pk__in=[])
    for word in query.significant:
        if len(word) >= SUGGESTION_PREFIX:
            prefix = query.stem(word)[:SUGGESTION_PREFIX]
            condition |= Q(stem__gte=prefix, stem__lt=prefix[:-1] + chr(ord(prefix[-1]) + 1))
    stems = SearchWord.objects.filter(condition).values("stem")
    titles = (
        SearchPosting.objects.filter(stem__in=stems, kind=DocumentKind.CAREER, score=Place.TITLE)
        .order_by("title_key", "document_id")
        .values_list("document_id", flat=True)
        .distinct()[:limit]
    )
    found = SearchDocument.objects.only("title", "url", "title_key").in_bulk(list(titles))
    return sorted(found.values(), key=lambda doc: (doc.title_key, doc.pk))
