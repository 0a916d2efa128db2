from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from careers.views import HomeView

admin.site.site_header = "Les métiers des mutuelles : administration"
admin.site.site_title = "Métiers des mutuelles"
admin.site.index_title = "Contenu du guide"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("", include("careers.urls")),
    path("", include("diplomas.urls")),
    path("", include("search.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
]

handler500 = "mutuelles_site.database_errors.server_error"
