from django.contrib import admin, messages


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
