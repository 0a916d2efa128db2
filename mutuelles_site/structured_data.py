"""schema.org data in JSON-LD: the serialiser, and the blocks every page may carry.

Content apps build their own types (careers.structured_data: Occupation,
diplomas.structured_data: EducationalOccupationalCredential); this module knows none of them.
A JSON-LD <script> is a data block, which browsers never run: the Content Security Policy,
which allows only the site's script files, does not apply to it.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

SITE_NAME = "Les métiers des mutuelles"

# As django.utils.html.json_script: no "</script>", "<!--" or "&" can end or bend the block.
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    """A <script type="application/ld+json"> holding `data` (a dict), safely escaped."""
    text = json.dumps(
        {"@context": "https://schema.org", **data}, cls=DjangoJSONEncoder, ensure_ascii=False
    )
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(text.translate(ESCAPES))
    )


def breadcrumb_list(request, crumbs, current):
    """A BreadcrumbList from the breadcrumb's (label, address) pairs and the current page."""
    items = [*crumbs, (current, request.path)]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": str(label),
                "item": request.build_absolute_uri(url),
            }
            for position, (label, url) in enumerate(items, start=1)
        ],
    }


def website(request):
    """The home page's WebSite, with the SearchAction of the header's search box."""
    home = request.build_absolute_uri(reverse("home"))
    search = request.build_absolute_uri(reverse("search:results"))
    return {
        "@type": "WebSite",
        "name": SITE_NAME,
        "url": home,
        "inLanguage": "fr",
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }
