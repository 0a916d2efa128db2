from itertools import groupby
from operator import attrgetter

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import BLANK_CHOICE_DASH

from diplomas.models import Speciality
from mutuelles_site.admin_actions import ReviewListFilter, review_date
from mutuelles_site.admin_forms import ContentInlineFormSet
from mutuelles_site.content_admin import ADDITIONS_FIELDSET, ContentAdmin, SigningInlineMixin
from mutuelles_site.provenance import SignedAddition
from mutuelles_site.slugs import PrepopulatedSlugsMixin

from .models import Career, Family, Pathway, Testimonial


class PathwayInline(SigningInlineMixin, admin.TabularInline):
    model = Pathway
    formset = ContentInlineFormSet
    extra = 1
    # The link's signature, when it is an addition, sits on its row (SignedAddition).
    fields = [
        "diploma",
        "speciality",
        "level",
        "condition",
        "experience",
        "experience_source",
        "position",
        "source",
        *SignedAddition.SIGNATURE_FIELDS,
    ]
    formfield_overrides = {models.TextField: {"widget": forms.TextInput(attrs={"size": 30})}}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "speciality":
            # Computed once per page, not once per row.
            field.choices = specialities_by_diploma()
        return field


def specialities_by_diploma():
    """Speciality choices in one <optgroup> per diploma ("BTS": its specialities), so a row's
    speciality is looked for under the row's diploma; Pathway.clean() refuses another's."""
    specialities = Speciality.objects.select_related("diploma").order_by(
        "diploma__level", "diploma__position", "diploma__short_name", "diploma_id", "name"
    )
    return [
        *BLANK_CHOICE_DASH,
        *(
            (diploma.short_name, [(speciality.pk, speciality.name) for speciality in group])
            for diploma, group in groupby(specialities, key=attrgetter("diploma"))
        ),
    ]


class TestimonialInline(PrepopulatedSlugsMixin, admin.StackedInline):
    model = Testimonial
    formset = ContentInlineFormSet
    extra = 0
    prepopulated_fields = {"slug": ["first_name", "employer"]}


@admin.register(Family)
class FamilyAdmin(ContentAdmin):
    list_display = ["name", "position", "is_published", review_date]
    list_editable = ["position", "is_published"]
    list_filter = ["is_published", ReviewListFilter]
    search_fields = ["name", "intro"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Career)
class CareerAdmin(ContentAdmin):
    list_display = [
        "title_masculine",
        "title_feminine",
        "family",
        "level_min",
        "level_max",
        "is_published",
        review_date,
    ]
    list_filter = [
        "is_published",
        ReviewListFilter,
        "family",
        "level_min",
        "level_source",
        "pathways__source",
        "pathways__experience",
        "pathways__diploma__diploma_type",
    ]
    list_select_related = ["family"]
    search_fields = ["title_masculine", "title_feminine", "lead", "body"]
    prepopulated_fields = {"slug": ["title_masculine"]}
    inlines = [PathwayInline, TestimonialInline]
    save_on_top = True
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title_masculine",
                    "title_feminine",
                    "slug",
                    "family",
                    "position",
                    "is_published",
                ]
            },
        ),
        ("Contenu", {"fields": ["lead", "body"]}),
        ("Accès", {"fields": ["level_min", "level_max", "level_source", "entry_note"]}),
        ("Codes de référence", {"fields": [("rome_code", "rome_code_source")]}),
        ADDITIONS_FIELDSET,
        ("Vérification", {"fields": ["reviewed_on"]}),
    ]


@admin.register(Testimonial)
class TestimonialAdmin(ContentAdmin):
    list_display = [
        "first_name",
        "job_title",
        "employer",
        "town",
        "department",
        "career",
        "is_published",
    ]
    list_filter = ["is_published", "employer", "career__family"]
    list_select_related = ["career"]
    search_fields = ["first_name", "job_title", "employer", "town", "headline", "story"]
    prepopulated_fields = {"slug": ["first_name", "employer"]}

    def view_on_site(self, obj):
        # "Voir sur le site": the job page shows the whole testimonial, and previews a draft
        # job to editors; the testimonials page would show nothing of a draft.
        return obj.career.get_absolute_url()
