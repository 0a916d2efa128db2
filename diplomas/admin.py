from django.contrib import admin

from mutuelles_site.admin_actions import ReviewListFilter, review_date
from mutuelles_site.admin_forms import ContentInlineFormSet
from mutuelles_site.content_admin import ADDITIONS_FIELDSET, ContentAdmin
from mutuelles_site.provenance import SignedAddition
from mutuelles_site.slugs import PrepopulatedSlugsMixin

from .models import CQP, Diploma, DiplomaType, Speciality


class SpecialityInline(PrepopulatedSlugsMixin, admin.TabularInline):
    model = Speciality
    formset = ContentInlineFormSet
    extra = 1
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "cited_in_formations", "is_published"]


@admin.register(Diploma)
class DiplomaAdmin(ContentAdmin):
    list_display = [
        "short_name",
        "name",
        "diploma_type",
        "level",
        "level_max",
        "apprenticeship",
        "is_published",
        review_date,
    ]
    list_filter = [
        "is_published",
        ReviewListFilter,
        "diploma_type",
        "level",
        "apprenticeship",
        "level_source",
        "apprenticeship_source",
    ]
    search_fields = ["short_name", "name", "summary", "specialities__name"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [SpecialityInline]
    save_on_top = True
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "short_name",
                    "name",
                    "acronym",
                    "slug",
                    ("diploma_type", "category_source"),
                    ("rncp_code", "rncp_code_source"),
                    "position",
                    "is_published",
                ]
            },
        ),
        (
            "Niveau et organisation",
            {
                "fields": [
                    ("level", "level_max", "level_source"),
                    ("duration", "duration_source"),
                    ("place", "place_source"),
                    ("apprenticeship", "apprenticeship_source"),
                ]
            },
        ),
        ("Contenu", {"fields": ["summary", "admission", "programme", "after"]}),
        (
            "CQP uniquement",
            {"classes": ["collapse"], "fields": ["cqp_objective", "cqp_method", "cqp_profile"]},
        ),
        ("Depuis 2009", {"fields": ["since_2009"]}),
        ADDITIONS_FIELDSET,
        ("Vérification", {"fields": ["reviewed_on"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()


@admin.register(CQP)
class CQPAdmin(ContentAdmin):
    list_display = ["short_name", "is_published", review_date]
    list_filter = ["is_published", ReviewListFilter]
    search_fields = ["short_name", "name", "cqp_objective", "cqp_method", "cqp_profile"]
    prepopulated_fields = {"slug": ["short_name"]}
    fields = [
        "short_name",
        "name",
        "acronym",
        "slug",
        "summary",
        "admission",
        "cqp_objective",
        "cqp_method",
        "cqp_profile",
        "since_2009",
        "category_source",
        ("rncp_code", "rncp_code_source"),
        *SignedAddition.SIGNATURE_FIELDS,
        "position",
        "is_published",
        "reviewed_on",
    ]

    def get_changeform_initial_data(self, request):
        return {**super().get_changeform_initial_data(request), "diploma_type": DiplomaType.CQP}


@admin.register(Speciality)
class SpecialityAdmin(ContentAdmin):
    list_display = ["name", "diploma", "cited_in_formations", "is_published"]
    list_filter = ["is_published", "diploma__diploma_type", "cited_in_formations"]
    list_select_related = ["diploma"]
    search_fields = ["name", "diploma__short_name", "diploma__name"]
    prepopulated_fields = {"slug": ["name"]}
