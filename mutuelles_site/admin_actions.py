from django.contrib import admin, messages
from django.utils import formats, timezone

from .provenance import BROCHURE_DATE, REVIEW_INTERVAL


def set_published(queryset, value):
    """Publish or withdraw each item of `queryset` that is not already so; returns how many.

    One save per row rather than queryset.update(): update() sends no signal, and the
    history must record who published or withdrew each item. Items already in the wanted
    state are left alone, so the history gains no empty version.
    """
    count = 0
    for item in queryset.exclude(is_published=value):
        item.is_published = value
        item.save(update_fields=["is_published"])
        count += 1
    return count


@admin.action(description="Publier la sélection", permissions=["change"])
def publish(modeladmin, request, queryset):
    count = set_published(queryset, True)
    modeladmin.message_user(request, f"{count} élément(s) publié(s).", messages.SUCCESS)


@admin.action(description="Dépublier la sélection (retirer du site public)", permissions=["change"])
def unpublish(modeladmin, request, queryset):
    count = set_published(queryset, False)
    modeladmin.message_user(request, f"{count} élément(s) retiré(s) du site.", messages.SUCCESS)


@admin.action(description="Marquer comme vérifié aujourd'hui", permissions=["change"])
def mark_reviewed(modeladmin, request, queryset):
    """Set the selection's review date to today, one save per row so the history says who."""
    today = timezone.localdate()
    count = 0
    for item in queryset.exclude(reviewed_on=today):
        item.reviewed_on = today
        item.save(update_fields=["reviewed_on"])
        count += 1
    plural = "s" if count > 1 else ""
    modeladmin.message_user(
        request,
        f"{count} élément{plural} marqué{plural} comme vérifié{plural} aujourd’hui.",
        messages.SUCCESS,
    )


@admin.display(description="contenu vérifié le", ordering="reviewed_on")
def review_date(obj):
    """A list column: the review date, or that the item was never checked since loading."""
    if obj.reviewed_on == BROCHURE_DATE:
        return "jamais (brochure de 2009)"
    return formats.date_format(obj.reviewed_on, "j F Y")


class ReviewListFilter(admin.SimpleListFilter):
    """« À revoir »: content no editor has checked for more than REVIEW_INTERVAL."""

    title = "vérification du contenu"
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [
            ("a-revoir", "À revoir (non vérifié depuis plus d'un an)"),
            ("a-jour", "Vérifié depuis moins d'un an"),
        ]

    def queryset(self, request, queryset):
        limit = timezone.localdate() - REVIEW_INTERVAL
        if self.value() == "a-revoir":
            return queryset.filter(reviewed_on__lt=limit)
        if self.value() == "a-jour":
            return queryset.filter(reviewed_on__gte=limit)
        return queryset
