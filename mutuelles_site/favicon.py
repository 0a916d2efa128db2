"""/favicon.ico, which browsers fetch for any page that names no icon (the admin's pages).

The public pages name static/favicon.svg; this is the same picture as an ICO (16, 32 and 48
px), the one format every browser reads at this address. Served here rather than redirected:
a permanent redirect to a hashed static URL would outlive the file.
"""

from django.conf import settings
from django.http import FileResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

FAVICON = settings.BASE_DIR / "static" / "favicon.ico"


@require_safe
@cache_control(public=True, max_age=24 * 60 * 60)
def favicon(request):
    return FileResponse(FAVICON.open("rb"), content_type="image/x-icon")
