"""The one admin base for every content model: history, honest change records, actions.

django-reversion keeps the versions (see README, "Editors"). A version of a job holds its
diploma rows and its testimonial (the `follow` of its registration), so reverting a job or
recovering a deleted one brings them back as they were.
"""

import reversion
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import IntegrityError, transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version
from reversion.utils import mute_signals

from .admin_actions import mark_reviewed, publish, unpublish
from .admin_forms import ContentChangelistFormSet, ContentModelForm
from .admin_search import FoldedSearchMixin
from .provenance import Provenance, Reviewed, SignedAddition
from .slugs import PrepopulatedSlugsMixin
from .versions import history_entries, missing_links, root_models, unique_conflicts


def signing_form(form_class, request):
    """`form_class`, checking and signing the object's sources (see provenance.py).

    For a form of a model with SignedAddition fields, once the form's own fields are valid:
    - an empty value must say « non précisé » (emptying a level the brochure gives is not
      the same as the brochure saying nothing: the editor says which);
    - a fact newly marked « ajout » needs its reason and public source written or updated
      here, so an addition never borrows another fact's note;
    - a new or changed signature is signed with the editor's name and the day.
    Errors go beside the field they concern. Other forms are returned unchanged.
    """
    model = form_class._meta.model
    if not issubclass(model, SignedAddition):
        return form_class
    editor = request.user.get_full_name() or request.user.get_username()

    class SigningForm(form_class):
        def clean(self):
            cleaned = super().clean()
            shown = [
                (name, value)
                for name, value in model.FACTS.items()
                if name in self.fields and name in cleaned
            ]
            for name, value in shown:
                if value is None or value[0] not in self.fields:
                    continue
                empty = cleaned.get(value[0]) in (None, "")
                if empty and cleaned.get(name) != Provenance.UNKNOWN:
                    self.add_error(
                        name,
                        "La valeur est vide : choisissez « non précisé par la brochure », ou "
                        "remplissez la valeur.",
                    )
                elif not empty and cleaned.get(name) == Provenance.UNKNOWN:
                    self.add_error(
                        name,
                        "Une valeur est donnée : dites d'où elle vient (brochure ou ajout).",
                    )
            added = [name for name, _ in shown if cleaned.get(name) == Provenance.ADDITION]
            newly_added = [
                name
                for name in added
                if name in self.changed_data or not self.instance.pk or self.instance._state.adding
            ]
            explained = {"addition_reason", "addition_source"} & set(self.changed_data)
            if added:
                unexplained = [
                    field
                    for field in ("addition_reason", "addition_source")
                    if field in self.fields and not cleaned.get(field)
                ]
                for field in unexplained:
                    self.add_error(
                        field, "Un ajout de la rédaction doit dire pourquoi et citer sa source."
                    )
                if newly_added and not explained and not unexplained and self.instance.pk:
                    labels = ", ".join(
                        str(model._meta.get_field(name).verbose_name) for name in newly_added
                    )
                    self.add_error(
                        "addition_reason",
                        f"Vous venez de marquer comme ajout : {labels}. Expliquez cet ajout "
                        "ici et citez sa source : la note actuelle parle d'autre chose.",
                    )
                if (newly_added or explained) and not self.errors:
                    # The signature is the editor's who writes or changes the note.
                    if "added_by" in self.fields and "added_by" not in self.changed_data:
                        cleaned["added_by"] = editor
                    if "added_on" in self.fields and "added_on" not in self.changed_data:
                        cleaned["added_on"] = timezone.localdate()
            return cleaned

    SigningForm.__name__ = form_class.__name__
    return SigningForm


# The admin's fieldset of an object's signed additions; SignedAddition says what they are.
ADDITIONS_FIELDSET = (
    "Ajouts de la rédaction",
    {
        "fields": SignedAddition.SIGNATURE_FIELDS,
        "description": "À remplir seulement si une information ci-dessus a pour source « Ajout "
        "de la rédaction » : pourquoi, et quelle source publique la confirme. Votre nom et la "
        "date du jour sont inscrits s'ils sont laissés vides.",
    },
)


def editors_initial_sources(model):
    """The initial values of a new item an editor makes: nothing new comes from the 2009
    brochure, so its facts are additions, or unknown while empty; it is checked today."""
    initial = {}
    if issubclass(model, SignedAddition):
        # A fact that starts empty is unknown until the editor gives it and its source.
        initial.update(
            {
                name: Provenance.ADDITION if value is None else Provenance.UNKNOWN
                for name, value in model.FACTS.items()
            }
        )
    if issubclass(model, Reviewed):
        initial["reviewed_on"] = timezone.localdate()
    return initial


class SigningInlineMixin:
    """An inline whose rows' additions are signed like the main object's (signing_form),
    and whose new rows start as additions."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = signing_form(formset.form, request)
        for name, value in editors_initial_sources(self.model).items():
            if name in formset.form.base_fields:
                formset.form.base_fields[name].initial = value
        return formset


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

    actions = [publish, unpublish, mark_reviewed]
    # Database rules come back as form errors, never a 500 (see admin_forms). Inlines use
    # admin_forms.ContentInlineFormSet.
    form = ContentModelForm
    object_history_template = "admin/content_history.html"
    # Newest first: editors look for what was just changed.
    history_latest_first = True

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not issubclass(self.model, Reviewed):
            actions.pop("mark_reviewed", None)
        return actions

    def get_changeform_initial_data(self, request):
        return {
            **editors_initial_sources(self.model),
            **super().get_changeform_initial_data(request),
        }

    def get_form(self, request, obj=None, change=False, **kwargs):
        return signing_form(super().get_form(request, obj, change=change, **kwargs), request)

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

    def changelist_view(self, request, extra_context=None):
        # A tampered action request (a selected id that is not an id) would reach the
        # database and answer 500; refuse it as the admin refuses an empty selection.
        if request.method == "POST" and not self.selection_is_valid(request):
            self.message_user(
                request,
                "La sélection envoyée n'est pas valide : aucune action n'a été effectuée.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        return super().changelist_view(request, extra_context)

    def selection_is_valid(self, request):
        try:
            for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
                self.model._meta.pk.to_python(value)
        except ValidationError:
            return False
        return True

    # Reverting and recovering.

    @property
    def reverts_whole_revision(self):
        """Families, jobs and diplomas come back with their rows (the whole revision); a
        testimonial or a speciality comes back alone, never taking its job along."""
        return self.model._meta.concrete_model in root_models()

    def versions_to_revert(self, version):
        if self.reverts_whole_revision:
            return list(version.revision.version_set.all())
        return [version]

    def revert_refusal(self, request, version, back_url):
        """A redirect with a French message if `version` cannot be put back, else None."""
        versions = self.versions_to_revert(version)
        problems = missing_links(versions)
        if not problems:
            try:
                # A dry run, rolled back, without signals: does the revert go through?
                with (
                    transaction.atomic(),
                    mute_signals(pre_save, post_save, pre_delete, post_delete),
                ):
                    self.revert(version)
                    transaction.set_rollback(True)
            except (RevertError, IntegrityError, ObjectDoesNotExist):
                problems = unique_conflicts(versions) or [
                    "un autre élément occupe aujourd'hui la place de cette version."
                ]
        if not problems:
            return None
        self.message_user(
            request,
            "Cette version ne peut pas être rétablie : " + " ".join(problems),
            messages.ERROR,
        )
        return HttpResponseRedirect(back_url)

    def revert(self, version):
        if self.reverts_whole_revision:
            version.revision.revert(delete=True)
        else:
            version.revert()

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        # reversion always reverts the whole revision; a testimonial's or a speciality's
        # revision is its job's or diploma's, which must not come back with it. The
        # revision object the parent view reverts is this version's cached one.
        if not self.reverts_whole_revision:
            version.revision.revert = lambda delete=False: version.revert()
        return super()._reversion_revisionform_view(request, version, template_name, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        opts = self.model._meta
        history = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_history", args=[quote(unquote(object_id))]
        )
        refusal = self.revert_refusal(request, version, history)
        if refusal:
            return refusal
        request.reverting = True
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id)
        opts = self.model._meta
        recover_list = reverse(f"admin:{opts.app_label}_{opts.model_name}_recoverlist")
        refusal = self.revert_refusal(request, version, recover_list)
        if refusal:
            return refusal
        request.reverting = True
        return super().recover_view(request, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, admin.utils.unquote(object_id))
        context = {"entries": history_entries(self, obj, object_id) if obj else []}
        return super().history_view(request, object_id, {**context, **(extra_context or {})})
