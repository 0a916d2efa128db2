"""/robots.txt and the web app manifest: what crawlers and browsers ask the site for by
name. The sitemap's sections come from the content apps (careers/sitemaps.py,
diplomas/sitemaps.py, opendata/sitemaps.py)."""

from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .structured_data import SITE_NAME

DAY = 24 * 60 * 60


@require_safe
@cache_control(public=True, max_age=DAY)
def robots_txt(request):
    # The default admin address is named; a moved one (ADMIN_URL) is not, since listing it
    # here would publish the address it was moved to hide. The admin is never linked anyway.
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('search:results')}",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=DAY)
def manifest(request):
    data = {
        "name": SITE_NAME,
        "short_name": "Métiers mutuelles",
        "description": "Les métiers des mutuelles de santé, les formations qui y mènent et "
        "des témoignages, d’après la brochure ONISEP 2009.",
        "lang": "fr",
        "start_url": reverse("home"),
        "scope": reverse("home"),
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#0b4f8a",
        "icons": [{"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml"}],
    }
    return JsonResponse(
        data,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
