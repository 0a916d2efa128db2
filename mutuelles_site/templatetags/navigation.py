"""The breadcrumb ("fil d'Ariane") every public page shows under the header.

{% load navigation %}
{% breadcrumb %}                                          -> Accueil (the home page)
{% breadcrumb "Les métiers" %}                            -> Accueil › Les métiers
{% breadcrumb "Les formations" diplomas_url diploma.short_name %}
                                                          -> Accueil › Les formations › BTS
"""

from django import template
from django.core.exceptions import DisallowedHost

from mutuelles_site.reversing import cached_reverse
from mutuelles_site.structured_data import breadcrumb_list

register = template.Library()


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, *trail):
    """Renders includes/breadcrumb.html: Accueil, then `trail`, and the same trail as a
    schema.org BreadcrumbList (below the home page).

    `trail` is label, address pairs for the pages above this one, then this page's label
    (shown with aria-current="page", not linked); with no argument, this page is the home.
    """
    *above, current = ("Accueil", *trail) if trail else ("Accueil",)
    crumbs = [] if not trail else [("Accueil", cached_reverse("home"))]
    crumbs += list(zip(above[1::2], above[2::2], strict=True))
    request = context.get("request")
    data = breadcrumb_list(request, crumbs, current) if crumbs and request else None
    return {"crumbs": crumbs, "current": current, "structured_data": data}


@register.simple_tag(takes_context=True)
def page_address(context):
    """This page's full address (with its query), which heads it on paper.

    "" without a request (the server-error page) or for a host name Django refuses: the
    "bad request" page that answers it must not fail on the same name.
    """
    request = context.get("request")
    try:
        return request.build_absolute_uri() if request else ""
    except DisallowedHost:
        return ""
