"""What a content app says about one of its objects, and the rows the index derives from it."""

from dataclasses import dataclass

from .models import Place, SearchDocument
from .text import compounds, is_significant, stem, title_key, words

MAX_STEM_LENGTH = 60


@dataclass(frozen=True)
class Document:
    """The texts of one object as the search page shows and ranks them."""

    title: str
    # The line under the title on the results page.
    meta: str
    # What the page the hit leads to shows: the excerpts are cut from these two.
    lead: str
    body: str
    # Words that weigh like the title but are never shown: "métier avec le bac" is about jobs
    # open to bac holders.
    keywords: str = ""
    # Text that finds the document but is not its prose (a job's diplomas, its family):
    # weighs like the body, never shown in an excerpt.
    hidden: str = ""
    # Where the words show, when not at the object's own page (a testimonial: its job page).
    url: str = ""
    # A job's entry level, in years after the bac.
    level: int | None = None


def join(*parts):
    """Paragraphs of a document's body, the empty ones left out."""
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def search_document(kind, obj, document):
    """The index row of `obj`, of this kind: its texts as shown, its level and title key."""
    return SearchDocument(
        kind=kind,
        object_id=obj.pk,
        url=document.url or obj.get_absolute_url(),
        title=document.title[:300],
        meta=document.meta[:300],
        lead=document.lead,
        body=document.body,
        title_key=title_key(document.title),
        level=document.level,
    )


def indexed_words(document, synonyms):
    """{folded word: Place} for every word that finds `document`, each at its best place.

    `synonyms` (synonyms.Expander) adds the words people type for the phrases the document
    contains. Stopwords are left out: a query never looks for them.
    """
    places = {}
    title = f"{document.title} {document.keywords}"
    body = f"{document.body}\n{document.hidden}"
    for place, text in ((Place.BODY, body), (Place.LEAD, document.lead), (Place.TITLE, title)):
        found = words(text) + compounds(text) + words(synonyms.expansions(text))
        for word in found:
            if is_significant(word) and len(stem(word)) <= MAX_STEM_LENGTH:
                places[word] = place  # the later, weightier place wins
    return places
