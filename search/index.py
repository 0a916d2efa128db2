"""Writing the index: one document per published item, plus the vocabulary for typos."""

from django.db import transaction

from . import backends
from .documents import SOURCES
from .models import SearchDocument, SearchWord
from .text import stem, words

MAX_WORD_LENGTH = 60


def reindex(kind, ids):
    """Rewrite the documents of these objects; an unpublished or deleted one drops out."""
    ids = set(ids)
    if not ids:
        return
    published, build = SOURCES[kind]
    documents = [build(obj) for obj in published().filter(pk__in=ids)]
    with transaction.atomic():
        SearchDocument.objects.filter(kind=kind, object_id__in=ids).delete()
        SearchDocument.objects.bulk_create(documents)
        add_words(documents)


def rebuild():
    """Recompute the whole index from the content; returns the number of documents."""
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        # Words of content that has since been edited away go with the old vocabulary.
        SearchWord.objects.all().delete()
        total = 0
        for published, build in SOURCES.values():
            documents = [build(obj) for obj in published().iterator(chunk_size=500)]
            SearchDocument.objects.bulk_create(documents, batch_size=500)
            add_words(documents)
            total += len(documents)
    backends.current().after_rebuild()
    return total


def add_words(documents):
    vocabulary = {}
    for doc in documents:
        text = " ".join([doc.title, doc.title_extra, doc.lead, doc.body, doc.body_extra])
        for word in words(text):
            if 2 <= len(word) <= MAX_WORD_LENGTH:
                vocabulary[word] = stem(word)
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, stem=stem) for word, stem in vocabulary.items()],
        ignore_conflicts=True,
        batch_size=1000,
    )
