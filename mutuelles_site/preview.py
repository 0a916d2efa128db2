"""Editors preview unpublished content at its public address; the public still gets a 404.

The model's queryset keeps the one rule of what the public sees (`published()`); a preview
only widens which object the page may show, never the lists and links around it, so a draft
looks exactly as it will once published.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.cache import patch_cache_control


class PreviewQuerySet(models.QuerySet):
    def with_is_public(self):
        """Every row, unpublished ones included, each marked `is_public` by `published()`."""
        public = self.model._default_manager.published().filter(pk=OuterRef("pk"))
        return self.annotate(is_public=Exists(public))


@dataclass(frozen=True)
class Reason:
    """One thing that keeps a page off the public site, and where an editor changes it."""

    text: str
    item: models.Model
    admin_url: str | None


@dataclass(frozen=True)
class Draft:
    """What the banner of a previewed page says: why the public cannot see it."""

    reasons: list[Reason]

    @classmethod
    def of(cls, obj, user):
        reasons = []
        for item, text in obj.unpublished_parts():
            opts = item._meta
            # No link to an admin page that would answer 403.
            may_open = user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
            admin_url = (
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
                if may_open
                else None
            )
            reasons.append(Reason(text, item, admin_url))
        return cls(reasons)


class DraftPreviewMixin:
    """A detail view whose unpublished objects an editor can open, under a banner.

    The model's queryset provides `for_detail(drafts=…)` and `published()`, and the model
    `unpublished_parts()`. The public, and staff without `preview_permission`, get the
    published object or a 404. A staff user with it also gets an unpublished object: the
    page says why it is a draft, and is neither stored by any cache nor indexed.
    """

    preview_permission = None

    def may_preview(self):
        user = self.request.user
        return user.is_staff and user.has_perm(self.preview_permission)

    def get_queryset(self):
        return self.model.objects.for_detail(drafts=self.may_preview())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Only a preview queryset annotates is_public; the public one holds nothing else.
        if not getattr(self.object, "is_public", True):
            context["draft"] = Draft.of(self.object, self.request.user)
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("draft"):
            patch_cache_control(response, private=True, no_store=True)
            response["X-Robots-Tag"] = "noindex"
        return response
