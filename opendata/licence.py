"""The licence and attribution that every API response and every download carries."""

from django.urls import reverse

LICENCE = "Licence Ouverte 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
ATTRIBUTION = "ONISEP, Les métiers des mutuelles, 2009"
SOURCE = (
    "Les métiers des mutuelles, guide en ligne adapté de la brochure de l’ONISEP "
    "« Les métiers des mutuelles » (2009), avec les ajouts signés de sa rédaction"
)


def meta(request):
    """The `meta` object of API responses and JSON downloads."""
    return {
        "source": SOURCE,
        "attribution": ATTRIBUTION,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "documentation": request.build_absolute_uri(reverse("opendata:page")),
    }


def link_header():
    return f'<{LICENCE_URL}>; rel="license"'
