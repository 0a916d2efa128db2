"""Keep the index current when editors save or delete content.

Raw saves (loaddata) are skipped: a fixture row may arrive before the rows it points to, so
`make load` and the test fixtures rebuild the index once everything is in.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from careers.models import Career, Family, Pathway, Testimonial
from diplomas.models import CQP, Diploma, Speciality

from .index import reindex
from .models import DocumentKind

SIGNALS = [post_save, post_delete]


def _careers_and_testimonials(career_ids):
    career_ids = list(career_ids)
    reindex(DocumentKind.CAREER, career_ids)
    # A testimonial's document shows its job's title and follows its publication.
    reindex(
        DocumentKind.TESTIMONIAL,
        Testimonial.objects.filter(career_id__in=career_ids).values_list("pk", flat=True),
    )


@receiver(SIGNALS, sender=Family, dispatch_uid="search_family")
def family_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _careers_and_testimonials(
            Career.objects.filter(family_id=instance.pk).values_list("pk", flat=True)
        )


@receiver(SIGNALS, sender=Career, dispatch_uid="search_career")
def career_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _careers_and_testimonials([instance.pk])


@receiver(SIGNALS, sender=Pathway, dispatch_uid="search_pathway")
def pathway_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex(DocumentKind.CAREER, [instance.career_id])


@receiver(SIGNALS, sender=Testimonial, dispatch_uid="search_testimonial")
def testimonial_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex(DocumentKind.TESTIMONIAL, [instance.pk])


def _diploma_and_careers(pk, **pathways):
    # Job documents list the diplomas (and specialities) that lead to them.
    reindex(DocumentKind.DIPLOMA, [pk])
    careers = Pathway.objects.filter(**pathways).values_list("career_id", flat=True)
    reindex(DocumentKind.CAREER, careers)


# The CQP admin saves through the proxy model, which sends its own signals.
@receiver(SIGNALS, sender=Diploma, dispatch_uid="search_diploma")
@receiver(SIGNALS, sender=CQP, dispatch_uid="search_cqp")
def diploma_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _diploma_and_careers(instance.pk, diploma_id=instance.pk)


@receiver(SIGNALS, sender=Speciality, dispatch_uid="search_speciality")
def speciality_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _diploma_and_careers(instance.diploma_id, speciality_id=instance.pk)
