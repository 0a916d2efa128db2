"""What the content apps put in the index. search/ imports none of them: each registers its
kinds of document from its AppConfig.ready(), in a `search.py` module of its own.

A registration says which objects the public may find (the app's `published()` queryset),
how one of them becomes a Document, and which saves and deletes of which models change which
of these documents; the index follows those saves and deletes from then on. Raw saves
(loaddata) are skipped: a fixture row may arrive before the rows it points to, so
`load_content` and `restore` rebuild the whole index once everything is in.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models.signals import post_delete, post_save

from . import index
from .models import DocumentKind

SIGNALS = [post_save, post_delete]


@dataclass(frozen=True, eq=False)
class Source:
    kind: DocumentKind
    # () -> the objects of this kind the public may find, with what `build` reads.
    published: Callable
    # object -> Document
    build: Callable
    # model -> (its saved or deleted instance -> ids of the objects whose documents change)
    follows: dict


_sources = {}


def register(kind, *, published, build, follows):
    """Index the objects `published()` returns as `build` describes them, and keep them
    current when an instance of a model in `follows` is saved or deleted."""
    _sources[kind] = Source(kind, published, build, follows)
    for model in follows:
        for signal in SIGNALS:
            # One receiver per model, however many kinds follow it.
            signal.connect(_changed, sender=model, dispatch_uid="search_index")


def sources():
    """The registered sources, in the order of DocumentKind."""
    return [_sources[kind] for kind in DocumentKind if kind in _sources]


def _changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    index.reindex(
        {
            source: source.follows[sender](instance)
            for source in sources()
            if sender in source.follows
        }
    )
