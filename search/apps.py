from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "recherche"

    def ready(self):
        from .models import Synonym

        for signal in (post_save, post_delete):
            signal.connect(_synonyms_changed, sender=Synonym, dispatch_uid="search_synonyms")


def _synonyms_changed(sender, raw=False, **kwargs):
    # A synonym may add words to any document: the whole index is recomputed, in the
    # editor's transaction (a failure leaves the synonym and the index as they were).
    # Raw saves (loaddata, restore) are followed by a rebuild of their own.
    if raw:
        return
    from .index import rebuild
    from .registry import sources

    rebuild(sources())
