from django.contrib import admin

from mutuelles_site.admin_forms import ContentInlineFormSet
from mutuelles_site.content_admin import ContentAdmin

from .models import Career, Family, Pathway, Testimonial


class PathwayInline(admin.TabularInline):
    model = Pathway
    formset = ContentInlineFormSet
    extra = 1
    autocomplete_fields = ["diploma", "speciality"]
    fields = ["diploma", "speciality", "condition", "position"]


class TestimonialInline(admin.StackedInline):
    model = Testimonial
    formset = ContentInlineFormSet
    extra = 0
    prepopulated_fields = {"slug": ["first_name", "employer"]}


@admin.register(Family)
class FamilyAdmin(ContentAdmin):
    list_display = ["name", "position", "is_published"]
    list_editable = ["position", "is_published"]
    list_filter = ["is_published"]
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
    ]
    list_filter = ["is_published", "family", "level_min", "pathways__diploma__category"]
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
        ("Accès", {"fields": ["level_min", "level_max", "entry_note"]}),
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
    autocomplete_fields = ["career"]
