"""Writing the index: one document per published item, its postings, and the vocabulary.

What is indexed comes from the sources the content apps register (registry.py). Postings
and vocabulary are rewritten in the transaction that changes a document, so a word that
only an unpublished, edited or deleted item contained is never found nor offered as a
correction. Saving a job rewrites its own rows and the vocabulary rows of its words only.
"""

from django.db import transaction
from django.db.models import Count, Min

from mutuelles_site.page_cache import content_changed

from . import backends
from .documents import indexed_words, search_document
from .models import SearchDocument, SearchPosting, SearchWord
from .synonyms import Expander
from .text import stem

BATCH_SIZE = 2000
MAX_WORD_LENGTH = 60
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
        touched = set()
        for source, ids in changes.items():
            old = SearchDocument.objects.filter(kind=source.kind, object_id__in=ids)
            touched.update(
                SearchPosting.objects.filter(document__in=old).values_list("stem", flat=True)
            )
            old.delete()
            built = [(obj, source.build(obj)) for obj in source.published().filter(pk__in=ids)]
            touched.update(_write(source.kind, built, expander))
        _update_vocabulary(touched)


def rebuild(sources):
    """Recompute the whole index from these sources; returns the number of documents."""
    with transaction.atomic():
        backends.current().lock_vocabulary()
        SearchPosting.objects.all().delete()
        SearchDocument.objects.all().delete()
        SearchWord.objects.all().delete()
        expander, total = Expander(), 0
        for source in sources:
            chunk = []
            for obj in source.published().iterator(chunk_size=500):
                chunk.append((obj, source.build(obj)))
                if len(chunk) == 500:
                    _write(source.kind, chunk, expander)
                    total, chunk = total + len(chunk), []
            _write(source.kind, chunk, expander)
            total += len(chunk)
        _update_vocabulary(None)
        # Search pages and the job list's keyword filter read the index.
        content_changed()
    backends.current().after_rebuild()
    return total


def _write(kind, built, expander):
    """Insert the documents and postings of `built` [(obj, Document)]; returns their stems."""
    rows = SearchDocument.objects.bulk_create(
        [search_document(kind, obj, document) for obj, document in built]
    )
    postings, found = [], set()
    for row, (_obj, document) in zip(rows, built, strict=True):
        best = {}
        for word, place in indexed_words(document, expander).items():
            word_stem = stem(word)
            known_place, known_word = best.get(word_stem, (0, word))
            best[word_stem] = (max(place, known_place), min(word, known_word))
        postings.extend(
            SearchPosting(
                document=row,
                stem=s,
                word=word[:MAX_WORD_LENGTH],
                score=place,
                kind=kind,
                object_id=row.object_id,
                level=row.level,
                title_key=row.title_key,
            )
            for s, (place, word) in best.items()
        )
        found.update(best)
    SearchPosting.objects.bulk_create(postings, batch_size=BATCH_SIZE)
    return found


def _update_vocabulary(stems):
    """Make the vocabulary rows of `stems` (None: all) agree with the postings now stored:
    how many documents hold each stem, and the word shown for it (the first in alphabetical
    order of its forms that published documents contain, so never a draft's word)."""
    counts = (
        SearchPosting.objects.values("stem")
        .annotate(n=Count("pk"), shown=Min("word"))
        .values_list("stem", "n", "shown")
    )
    if stems is None:
        SearchWord.objects.all().delete()
        found, existing = {s: (n, w) for s, n, w in counts}, {}
    else:
        stems = sorted(stems)
        found, existing = {}, {}
        for start in range(0, len(stems), IN_BATCH):
            batch = stems[start : start + IN_BATCH]
            found.update((s, (n, w)) for s, n, w in counts.filter(stem__in=batch))
            existing.update((w.stem, w) for w in SearchWord.objects.filter(stem__in=batch))
        gone = [s for s in existing if s not in found]
        for start in range(0, len(gone), IN_BATCH):
            SearchWord.objects.filter(stem__in=gone[start : start + IN_BATCH]).delete()
        changed = [
            w for s, w in existing.items() if s in found and (w.frequency, w.word) != found[s]
        ]
        for word in changed:
            word.frequency, word.word = found[word.stem]
        SearchWord.objects.bulk_update(changed, ["frequency", "word"], batch_size=BATCH_SIZE)
    SearchWord.objects.bulk_create(
        [
            SearchWord(stem=s, word=w, length=len(s), frequency=n)
            for s, (n, w) in sorted(found.items())
            if s not in existing
        ],
        batch_size=BATCH_SIZE,
    )
