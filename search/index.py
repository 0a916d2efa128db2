"""Writing the index: one document per published item, plus the vocabulary for typos.

What is indexed comes from the sources the content apps register (registry.py). The
vocabulary is exactly the words of the documents in the index, recomputed from them in the
transaction that changes a document: a word that only an unpublished, edited or deleted item
contained is never offered as a correction. With the brochure (46 documents, about 1,800
words) one recomputation costs about 10 ms on SQLite and on PostgreSQL; saving a job runs it
once for the job and its testimonial.
"""

from django.db import transaction

from . import backends
from .documents import search_document
from .models import SearchDocument, SearchWord
from .text import stem, words

MAX_WORD_LENGTH = 60
BATCH_SIZE = 1000
# Every text of a document a visitor may search, hence every word a query may be corrected to.
TEXT_FIELDS = ["title", "title_extra", "lead", "body", "body_extra"]


def reindex(changes):
    """Rewrite the documents of these objects; an unpublished or deleted one drops out.

    `changes` maps each source (registry.Source) to the ids of its objects to rewrite.
    """
    changes = {source: set(ids) for source, ids in changes.items()}
    changes = {source: ids for source, ids in changes.items() if ids}
    if not changes:
        return
    with transaction.atomic():
        for source, ids in changes.items():
            documents = [
                search_document(source.kind, obj, source.build(obj))
                for obj in source.published().filter(pk__in=ids)
            ]
            SearchDocument.objects.filter(kind=source.kind, object_id__in=ids).delete()
            SearchDocument.objects.bulk_create(documents)
        update_vocabulary()


def rebuild(sources):
    """Recompute the whole index from these sources; returns the number of documents."""
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        total = 0
        for source in sources:
            documents = [
                search_document(source.kind, obj, source.build(obj))
                for obj in source.published().iterator(chunk_size=500)
            ]
            SearchDocument.objects.bulk_create(documents, batch_size=500)
            total += len(documents)
        update_vocabulary()
    backends.current().after_rebuild()
    return total


def update_vocabulary():
    """Make the vocabulary the words of the documents now in the index, no more, no less."""
    with transaction.atomic():
        backends.current().lock_vocabulary()
        wanted = set()
        for texts in SearchDocument.objects.values_list(*TEXT_FIELDS).iterator(chunk_size=500):
            wanted.update(w for w in words(" ".join(texts)) if 2 <= len(w) <= MAX_WORD_LENGTH)
        known = set(SearchWord.objects.values_list("word", flat=True))
        gone = sorted(known - wanted)
        # In batches: SQLite limits the parameters of one statement.
        for start in range(0, len(gone), BATCH_SIZE):
            SearchWord.objects.filter(word__in=gone[start : start + BATCH_SIZE]).delete()
        SearchWord.objects.bulk_create(
            [SearchWord(word=word, stem=stem(word)) for word in sorted(wanted - known)],
            batch_size=BATCH_SIZE,
        )
