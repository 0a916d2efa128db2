from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from careers.sitemaps import CareerPagesSitemap, CareerSitemap, FamilySitemap
from careers.views import HomeView
from diplomas.sitemaps import DiplomaPagesSitemap, DiplomaSitemap
from mutuelles_site.favicon import favicon
from mutuelles_site.findable import manifest, robots_txt
from mutuelles_site.password_reset import EditorPasswordResetForm
from mutuelles_site.printing import print_addresses
from opendata.sitemaps import OpenDataSitemap

admin.site.site_header = "Les métiers des mutuelles : administration"
admin.site.site_title = "Métiers des mutuelles"
admin.site.index_title = "Contenu du guide"


# The header and title the admin's own pages show, for the reset pages that extend them.
admin_context = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}

# Each content app contributes the sections of its pages.
SITEMAPS = {
    "pages": CareerPagesSitemap,
    "familles": FamilySitemap,
    "metiers": CareerSitemap,
    "formations-pages": DiplomaPagesSitemap,
    "formations": DiplomaSitemap,
    "donnees": OpenDataSitemap,
}

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("favicon.ico", favicon, name="favicon"),
    path("impression/adresses.css", print_addresses, name="print_addresses"),
    path("robots.txt", robots_txt, name="robots"),
    path("manifest.webmanifest", manifest, name="manifest"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("careers.urls")),
    path("", include("diplomas.urls")),
    path("", include("search.urls")),
    path("", include("selection.urls")),
    path("", include("opendata.urls")),
    path("api/v1/", include("opendata.api_urls")),
    # Before the admin's own URLs, whose catch-all would answer first. The admin shows its
    # "forgotten" link on the login page once admin_password_reset exists, and its French
    # registration templates serve every step.
    path(
        f"{settings.ADMIN_URL}password_reset/",
        auth_views.PasswordResetView.as_view(
            form_class=EditorPasswordResetForm, extra_context=admin_context
        ),
        name="admin_password_reset",
    ),
    path(
        f"{settings.ADMIN_URL}password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(extra_context=admin_context),
        name="password_reset_done",
    ),
    path(
        f"{settings.ADMIN_URL}reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(extra_context=admin_context),
        name="password_reset_confirm",
    ),
    path(
        f"{settings.ADMIN_URL}reset/done/",
        auth_views.PasswordResetCompleteView.as_view(extra_context=admin_context),
        name="password_reset_complete",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
]

handler500 = "mutuelles_site.database_errors.server_error"
