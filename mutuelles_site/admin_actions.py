from django.contrib import admin, messages


@admin.action(description="Publier la sélection", permissions=["change"])
def publish(modeladmin, request, queryset):
    count = queryset.update(is_published=True)
    modeladmin.message_user(request, f"{count} élément(s) publié(s).", messages.SUCCESS)


@admin.action(description="Dépublier la sélection (retirer du site public)", permissions=["change"])
def unpublish(modeladmin, request, queryset):
    count = queryset.update(is_published=False)
    modeladmin.message_user(request, f"{count} élément(s) retiré(s) du site.", messages.SUCCESS)
