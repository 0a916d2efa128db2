"""Context every page template gets."""

from .reversing import cached_reverse

# The addresses the <head>, header and footer of every page link to: `{{ links.careers }}`.
SITE_LINKS = {
    "home": "home",
    "careers": "careers:list",
    "families": "careers:families",
    "compare": "careers:compare",
    "diplomas": "diplomas:list",
    "schema": "diplomas:schema",
    "testimonials": "careers:testimonials",
    "search": "search:results",
    "selection": "selection:page",
    "opendata": "opendata:page",
    "api_docs": "api:docs",
    "manifest": "manifest",
    "print_addresses": "print_addresses",
}


def site_links(request):
    """{"links": {name: path}} for SITE_LINKS. Every page shows about fifteen of these links,
    and `{% url %}` reverses each anew (a fifth of the home page's time, profiled on
    2026-11-30); cached_reverse remembers them."""
    return {"links": {name: cached_reverse(view) for name, view in SITE_LINKS.items()}}
