"""What a content app says about one of its objects, and the row the index derives from it."""

from dataclasses import dataclass

from .models import SearchDocument
from .synonyms import expansions
from .text import stems


@dataclass(frozen=True)
class Document:
    """The texts of one object as the search page shows and ranks them."""

    title: str
    # The line under the title on the results page.
    meta: str
    lead: str
    body: str
    # Words that weigh like the title but are never shown: "métier avec le bac" is about jobs
    # open to bac holders.
    keywords: str = ""


def join(*parts):
    """Paragraphs of a document's body, the empty ones left out."""
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def search_document(kind, obj, document):
    """The index row of `obj`, of this kind: its texts, their variants and their stems."""
    title_extra = f"{document.keywords} {expansions(document.title)}".strip()
    body_extra = expansions(f"{document.lead}\n{document.body}")
    return SearchDocument(
        kind=kind,
        object_id=obj.pk,
        url=obj.get_absolute_url(),
        title=document.title[:300],
        meta=document.meta[:300],
        lead=document.lead,
        body=document.body,
        title_extra=title_extra[:300],
        body_extra=body_extra,
        title_stems=stems(f"{document.title} {title_extra}"),
        lead_stems=stems(document.lead),
        body_stems=stems(f"{document.body} {body_extra}"),
    )
