"""The synonyms, the one part of search editors keep by hand."""

from django.contrib import admin
from reversion.admin import VersionAdmin

from mutuelles_site.admin_forms import ContentModelForm
from mutuelles_site.admin_search import FoldedSearchMixin

from .models import Synonym


@admin.register(Synonym)
class SynonymAdmin(FoldedSearchMixin, VersionAdmin):
    """Each save, change or deletion recomputes the search index (see apps.py), so the
    pages find the new words at once; a revert from the history does too."""

    # Database rules (a synonym entered twice) come back as form errors, never a 500.
    form = ContentModelForm
    list_display = ["typed", "formal", "both_ways", "note"]
    list_filter = ["both_ways"]
    search_fields = ["typed", "formal", "note"]
    fields = ["typed", "formal", "both_ways", "note"]
