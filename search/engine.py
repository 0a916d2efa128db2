"""The one search engine: the search page and the job-list keyword filter both call it.

    search("educatrice")                            -> Results, grouped by kind of document
    matching_ids("educatrice", DocumentKind.CAREER) -> the ids of the jobs search() finds

Three queries at most for a search: the vocabulary, the ranked matches, then the texts of
the hits shown, or instead the closest job titles when nothing is found. The
database-specific parts live in backends/.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber

from . import backends
from .highlight import excerpt
from .models import KIND_ORDER, DocumentKind, SearchDocument, SearchWord
from .query import TYPO_MIN_LENGTH, parse, resolve

PER_GROUP = 10
SUGGESTIONS = 3


@dataclass
class Hit:
    title: str
    url: str
    meta: str
    excerpt: str
    rank: float


@dataclass
class Group:
    kind: DocumentKind
    total: int
    hits: list

    @property
    def label(self):
        return self.kind.label


@dataclass
class Results:
    query: object
    groups: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)

    @property
    def total(self):
        return sum(group.total for group in self.groups)

    @property
    def best(self):
        """The best hit of all groups; on a tie, the group shown first."""
        firsts = [group.hits[0] for group in self.groups if group.hits]
        return max(firsts, key=lambda hit: hit.rank, default=None)


def prepare(raw):
    """Parse the query and match its words against the vocabulary (one SQL query)."""
    query = parse(raw)
    if query.message:
        return query
    backend = backends.current()
    typed = query.significant
    long_stems = [query.stem(w) for w in typed if len(w) >= TYPO_MIN_LENGTH]
    vocabulary = backend.annotate_vocabulary(SearchWord.objects.all()).filter(
        Q(stem__in=[query.stem(w) for w in typed]) | backend.near(long_stems)
    )
    return resolve(query, vocabulary.values_list("word", "stem"))


def documents(query):
    """Every document matching all the terms of a prepared query."""
    return SearchDocument.objects.filter(backends.current().matches(query.terms))


def matching_ids(raw, kind):
    """The ids of the objects of `kind` that search(raw) finds, as a subquery; None when `raw`
    holds nothing usable to search for (empty, one letter, too long), so that a list
    filtering on it stays whole."""
    query = prepare(raw)
    if query.message:
        return None
    if not query.terms:
        return SearchDocument.objects.none().values("object_id")
    return documents(query).filter(kind=kind).values("object_id")


def search(raw, per_group=PER_GROUP):
    query = prepare(raw)
    results = Results(query=query)
    if query.message:
        return results
    if query.terms:
        results.groups = _groups(query, per_group)
    if not results.groups:
        results.suggestions = backends.current().closest(
            SearchDocument.objects.filter(kind=DocumentKind.CAREER),
            query.stemmed_text,
            SUGGESTIONS,
        )
    return results


def _groups(query, per_group):
    backend = backends.current()
    order = [F("rank").desc(), F("refined").desc(), F("title").asc()]
    # Rank on narrow rows first; the texts of the few winners are read afterwards, so the
    # database never loads the body of every match.
    ranked = list(
        documents(query)
        .annotate(rank=backend.rank(query.terms), refined=backend.refine(query.terms))
        .annotate(
            position=Window(RowNumber(), partition_by=[F("kind")], order_by=order),
            found=Window(Count("pk"), partition_by=[F("kind")]),
        )
        .filter(position__lte=per_group)
        .values_list("pk", "kind", "rank", "found")
        .order_by("kind", "position")
    )
    texts = SearchDocument.objects.only("title", "url", "meta", "lead", "body").in_bulk(
        [pk for pk, *_ in ranked]
    )
    highlighted = [s for term in query.terms for s in term.stems]
    groups = {}
    for pk, kind, rank, found in ranked:
        doc = texts[pk]
        group = groups.setdefault(kind, Group(DocumentKind(kind), found, []))
        group.hits.append(Hit(doc.title, doc.url, doc.meta, excerpt(doc.text, highlighted), rank))
    return sorted(groups.values(), key=lambda group: KIND_ORDER[group.kind])
