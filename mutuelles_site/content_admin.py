"""The one admin base for every content model: history, honest change records, actions.

django-reversion keeps the versions (see README, "Editors"). A version of a job holds its
diploma rows and its testimonial (the `follow` of its registration), so reverting a job or
recovering a deleted one brings them back as they were.
"""

import reversion
from django.contrib import admin
from reversion.admin import VersionAdmin

from .admin_actions import publish, unpublish
from .admin_forms import ContentChangelistFormSet, ContentModelForm
from .admin_search import FoldedSearchMixin
from .slugs import PrepopulatedSlugsMixin
from .versions import history_entries


def is_reverting(request):
    """True while the admin shows or saves an earlier version (revert or recovery)."""
    return getattr(request, "reverting", False)


class ContentAdmin(FoldedSearchMixin, PrepopulatedSlugsMixin, VersionAdmin):
    """A ModelAdmin whose saves record a version only when something changed.

    Django's admin saves the main object and logs "Modifié" on every submit, even an
    untouched one; reversion would then store a version identical to the last. Here an
    untouched form saves nothing and logs nothing, and a change made only in an inline row
    still records a version of the whole object (with its rows), so its history shows it.
    """

    actions = [publish, unpublish]
    # Database rules come back as form errors, never a 500 (see admin_forms). Inlines use
    # admin_forms.ContentInlineFormSet.
    form = ContentModelForm
    object_history_template = "admin/content_history.html"
    # Newest first: editors look for what was just changed.
    history_latest_first = True

    def get_changelist_formset(self, request, **kwargs):
        return super().get_changelist_formset(
            request, **{"formset": ContentChangelistFormSet, **kwargs}
        )

    def save_model(self, request, obj, form, change):
        # A revert or a recovery has just written the old rows "raw" (no signals): the object
        # is saved for real even if the form matches them, so that the revert is recorded as
        # a version and the search index is brought up to date.
        if change and not form.has_changed() and not is_reverting(request):
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        changed = any(formset.has_changed() for formset in formsets)
        if change and (changed or is_reverting(request)):
            # The rows changed but maybe not the object itself: version the object, which
            # follows its rows, so the change appears in the object's own history.
            reversion.add_to_revision(form.instance)

    def log_change(self, request, obj, message):
        # construct_change_message() gives an empty list when no field and no row changed.
        if not message:
            return None
        return super().log_change(request, obj, message)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        request.reverting = True
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        request.reverting = True
        return super().recover_view(request, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, admin.utils.unquote(object_id))
        context = {"entries": history_entries(self, obj, object_id) if obj else []}
        return super().history_view(request, object_id, {**context, **(extra_context or {})})
