"""/api/v1/: the API, its OpenAPI schema and its documentation page."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from . import api, views

app_name = "api"

router = SimpleRouter()
router.register("familles", api.FamilyViewSet, basename="famille")
router.register("metiers", api.CareerViewSet, basename="metier")
router.register("formations", api.DiplomaViewSet, basename="formation")

urlpatterns = [
    path("", api.ApiRoot.as_view(), name="root"),
    *router.urls,
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.ApiDocsView.as_view(), name="docs"),
    # Everything else under /api/v1/ is a JSON 404, not the site's HTML page.
    re_path(r"^.*$", views.api_not_found, name="not-found"),
]
