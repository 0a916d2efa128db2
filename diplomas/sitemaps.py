"""The diploma pages' sections of /sitemap.xml."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Diploma


class DiplomaPagesSitemap(Sitemap):
    def items(self):
        return ["diplomas:list", "diplomas:schema"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return Diploma.objects.published().aggregate(last=Max("updated_at"))["last"]


class DiplomaSitemap(Sitemap):
    def items(self):
        return Diploma.objects.published().order_by("slug")

    def lastmod(self, diploma):
        return diploma.updated_at
