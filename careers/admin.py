from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from mutuelles_site.admin_actions import publish, unpublish

from .models import Career, Family, Pathway, Testimonial


class PathwayInline(admin.TabularInline):
    model = Pathway
    extra = 1
    autocomplete_fields = ["diploma", "speciality"]
    fields = ["diploma", "speciality", "condition", "position"]


class TestimonialInline(admin.StackedInline):
    model = Testimonial
    extra = 0
    prepopulated_fields = {"slug": ["first_name", "employer"]}


@admin.register(Family)
class FamilyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "position", "is_published"]
    list_editable = ["position", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["name", "intro"]
    prepopulated_fields = {"slug": ["name"]}
    actions = [publish, unpublish]


@admin.register(Career)
class CareerAdmin(SimpleHistoryAdmin):
    list_display = [
        "title_masculine",
        "title_feminine",
        "family",
        "level_min",
        "level_max",
        "is_published",
    ]
    list_filter = ["is_published", "family", "level_min", "pathways__diploma__category"]
    list_select_related = ["family"]
    search_fields = ["title_masculine", "title_feminine", "lead", "body"]
    prepopulated_fields = {"slug": ["title_masculine"]}
    inlines = [PathwayInline, TestimonialInline]
    actions = [publish, unpublish]
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
        ("Accès", {"fields": ["level_min", "level_max", "entry_note"]}),
    ]


@admin.register(Testimonial)
class TestimonialAdmin(SimpleHistoryAdmin):
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
    autocomplete_fields = ["career"]
    actions = [publish, unpublish]


@admin.register(Pathway)
class PathwayAdmin(SimpleHistoryAdmin):
    """Jobs and diplomas are linked in the job form; this list shows each link's history."""

    list_display = ["career", "diploma", "speciality", "condition"]
    list_filter = ["diploma__category"]
    list_select_related = ["career", "diploma", "speciality"]
    search_fields = ["career__title_masculine", "diploma__short_name", "speciality__name"]
    autocomplete_fields = ["career", "diploma", "speciality"]
