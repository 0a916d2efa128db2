"""Jobs side by side (/metiers/comparer/?m=actuaire&m=opticien): which jobs a request asks
for, and what is said about the slugs left out.

The request becomes a `Comparison` once: the slugs are read, checked and looked up in one
query, so that the view and its template only show the result.
"""

from dataclasses import dataclass, field

from mutuelles_site.slugs import read_slug, shown

from .models import Career

PARAMETER = "m"
MIN_JOBS = 2
MAX_JOBS = 4
# No real list of slugs comes near it; more values are not even read.
MAX_VALUES = 20


@dataclass
class Comparison:
    careers: list
    notes: list = field(default_factory=list)

    @classmethod
    def from_query(cls, query):
        """The jobs that `query` (a QueryDict) names in its repeated `m`, in its order.

        Slugs are read in any letter case. A malformed, unknown, unpublished or repeated
        slug is left out, and each one is named in `notes`; past MAX_JOBS jobs, the first
        ones are kept.
        """
        notes, wanted = [], []
        for raw in query.getlist(PARAMETER)[:MAX_VALUES]:
            slug = read_slug(raw)
            if slug == "":
                continue
            if slug is None:
                notes.append(f"« {shown(raw)} » n’est pas l’identifiant d’un métier : ignoré.")
            elif slug in wanted:
                notes.append(f"« {slug} » est demandé plusieurs fois : comparé une seule fois.")
            else:
                wanted.append(slug)
        found = {c.slug: c for c in Career.objects.for_detail().filter(slug__in=wanted)}
        for slug in wanted:
            if slug not in found:
                notes.append(f"Aucun métier publié ne porte l’identifiant « {slug} » : ignoré.")
        careers = [found[slug] for slug in wanted if slug in found]
        if len(careers) > MAX_JOBS:
            extra = careers[MAX_JOBS:]
            left_out = ", ".join(career.title_masculine for career in extra)
            verb = "est laissé" if len(extra) == 1 else "sont laissés"
            notes.append(
                f"On compare au plus {MAX_JOBS} métiers : les {MAX_JOBS} premiers sont "
                f"gardés ; {left_out} {verb} de côté."
            )
            careers = careers[:MAX_JOBS]
        return cls(careers, notes)

    @property
    def complete(self):
        """True when there are enough jobs to compare."""
        return len(self.careers) >= MIN_JOBS
