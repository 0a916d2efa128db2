"""Writing the index: one document per published item, its postings, and the vocabulary.

What is indexed comes from the sources the content apps register (registry.py). Postings
and vocabulary are rewritten in the transaction that changes a document, so a word that
only an unpublished, edited or deleted item contained is never found nor offered as a
correction. Saving a job rewrites its own rows and the vocabulary rows of its words only.
"""

from django.db import transaction
from django.db.models import Count

from mutuelles_site.page_cache import content_changed

from . import backends
from .documents import indexed_words, search_document
from .models import SearchDocument, SearchPosting, SearchWord
from .synonyms import Expander
from .text import stem

BATCH_SIZE = 2000
# SQLite limits the parameters of one statement; 900 stays under every build's limit.
IN_BATCH = 900


def reindex(changes):
    """Rewrite the documents of these objects; an unpublished or deleted one drops out.

    `changes` maps each source (registry.Source) to the ids of its objects to rewrite.
    """
    changes = {source: set(ids) for source, ids in changes.items()}
    changes = {source: ids for source, ids in changes.items() if ids}
    if not changes:
        return
    with transaction.atomic():
        backends.current().lock_vocabulary()
        expander = Expander()
        touched, surface = set(), {}
        for source, ids in changes.items():
            old = SearchDocument.objects.filter(kind=source.kind, object_id__in=ids)
            touched.update(
                SearchPosting.objects.filter(document__in=old).values_list("stem", flat=True)
            )
            old.delete()
            built = [(obj, source.build(obj)) for obj in source.published().filter(pk__in=ids)]
            touched.update(_write(source.kind, built, expander, surface))
        _update_vocabulary(touched, surface)


def rebuild(sources):
    """Recompute the whole index from these sources; returns the number of documents."""
    with transaction.atomic():
        backends.current().lock_vocabulary()
        SearchPosting.objects.all().delete()
        SearchDocument.objects.all().delete()
        SearchWord.objects.all().delete()
        expander, surface, total = Expander(), {}, 0
        for source in sources:
            chunk = []
            for obj in source.published().iterator(chunk_size=500):
                chunk.append((obj, source.build(obj)))
                if len(chunk) == 500:
                    _write(source.kind, chunk, expander, surface)
                    total, chunk = total + len(chunk), []
            _write(source.kind, chunk, expander, surface)
            total += len(chunk)
        _update_vocabulary(None, surface)
        # Search pages and the job list's keyword filter read the index.
        content_changed()
    backends.current().after_rebuild()
    return total


def _write(kind, built, expander, surface):
    """Insert the documents and postings of `built` [(obj, Document)]; returns their stems.

    `surface` collects, per stem, the shortest word met: what a correction shows.
    """
    rows = SearchDocument.objects.bulk_create(
        [search_document(kind, obj, document) for obj, document in built]
    )
    postings, found = [], set()
    for row, (_obj, document) in zip(rows, built, strict=True):
        best = {}
        for word, place in indexed_words(document, expander).items():
            word_stem = stem(word)
            best[word_stem] = max(place, best.get(word_stem, 0))
            known = surface.get(word_stem)
            if known is None or (len(word), word) < (len(known), known):
                surface[word_stem] = word
        postings.extend(
            SearchPosting(document=row, kind=kind, stem=s, score=place) for s, place in best.items()
        )
        found.update(best)
    SearchPosting.objects.bulk_create(postings, batch_size=BATCH_SIZE)
    return found


def _update_vocabulary(stems, surface):
    """Make the vocabulary rows of `stems` (None: all) agree with the postings now stored."""
    counts = SearchPosting.objects.values("stem").annotate(n=Count("pk")).values_list("stem", "n")
    if stems is None:
        frequency = dict(counts)
        SearchWord.objects.all().delete()
        existing = {}
    else:
        stems = sorted(stems)
        frequency, existing = {}, {}
        for start in range(0, len(stems), IN_BATCH):
            batch = stems[start : start + IN_BATCH]
            frequency.update(counts.filter(stem__in=batch))
            existing.update((w.stem, w) for w in SearchWord.objects.filter(stem__in=batch))
        gone = [s for s in existing if s not in frequency]
        for start in range(0, len(gone), IN_BATCH):
            SearchWord.objects.filter(stem__in=gone[start : start + IN_BATCH]).delete()
        changed = [w for s, w in existing.items() if s in frequency and w.frequency != frequency[s]]
        for word in changed:
            word.frequency = frequency[word.stem]
        SearchWord.objects.bulk_update(changed, ["frequency"], batch_size=BATCH_SIZE)
    SearchWord.objects.bulk_create(
        [
            SearchWord(stem=s, word=surface.get(s, s)[:60], length=len(s), frequency=n)
            for s, n in sorted(frequency.items())
            if s not in existing
        ],
        batch_size=BATCH_SIZE,
    )
