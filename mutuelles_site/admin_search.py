"""Admin search that ignores case, accents and the kind of apostrophe, on every database."""

import re

from django.contrib.admin.utils import lookup_spawns_duplicates
from django.db.models import Q

from .folding import fold

# A "quoted phrase" or a run of non-spaces. Unlike Django's admin, single quotes do not
# quote: in French they are apostrophes ("l'assurance" is one word to look for).
TERM = re.compile(r'"([^"]+)"|(\S+)')


def search_terms(text):
    """The folded terms an editor typed: 'L’Éducateur "chef de service"' ->
    ["l'educateur", "chef de service"]."""
    return [fold(phrase or word) for phrase, word in TERM.findall(text)]


class FoldedSearchMixin:
    """search_fields are matched with the `folded` lookup (mutuelles_site/folding.py).

    Every typed term must appear in one of the search fields, as in Django's own search;
    "educateur" finds "Éducateur spécialisé", "etat" finds "État", and "l'assurance" finds
    "l’assurance".
    """

    def get_search_results(self, request, queryset, search_term):
        search_fields = self.get_search_fields(request)
        terms = search_terms(search_term)
        if not (search_fields and terms):
            return queryset, False
        lookups = [f"{field}__folded__contains" for field in search_fields]
        queryset = queryset.filter(
            Q.create(
                [Q.create([(lookup, term) for lookup in lookups], connector=Q.OR) for term in terms]
            )
        )
        may_have_duplicates = any(lookup_spawns_duplicates(self.opts, lookup) for lookup in lookups)
        return queryset, may_have_duplicates
