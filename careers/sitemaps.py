"""The job pages' sections of /sitemap.xml, each page dated by its content's last save."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Career, Family, Testimonial


def last_saved(queryset):
    return queryset.aggregate(last=Max("updated_at"))["last"]


class CareerPagesSitemap(Sitemap):
    """The home page and the lists: as current as the newest item they show."""

    def items(self):
        return ["home", "careers:families", "careers:list", "careers:testimonials"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if item == "careers:testimonials":
            return last_saved(Testimonial.objects.published())
        if item == "careers:families":
            return last_saved(Family.objects.published())
        return last_saved(Career.objects.published())


class FamilySitemap(Sitemap):
    def items(self):
        return Family.objects.published()

    def lastmod(self, family):
        return family.updated_at


class CareerSitemap(Sitemap):
    def items(self):
        return Career.objects.published().order_by("slug")

    def lastmod(self, career):
        return career.updated_at
