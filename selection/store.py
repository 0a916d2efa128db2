"""« Ma sélection »: the jobs and diplomas a visitor keeps, in their session, with no account.

A selection is two ordered lists of slugs: jobs (`m`, as on /metiers/comparer/) and
diplomas (`f`, for formation). The same two parameters make its shared address
(/selection/?m=actuaire&f=bts), so a selection and its link are one thing.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import QueryDict

from careers.models import Career, Pathway
from diplomas.models import Diploma
from mutuelles_site.slugs import read_slug, shown

SESSION_KEY = "selection"
# The query parameter of each kind of item, and how a note says one is missing.
JOB, DIPLOMA = "m", "f"
KINDS = {JOB: "Aucun métier publié", DIPLOMA: "Aucune formation publiée"}
# Per kind: a counsellor's short list, and a bound on what a session or a link holds.
MAX_ITEMS = 20


def kind_of(obj):
    """JOB or DIPLOMA for a Career or a Diploma."""
    return JOB if isinstance(obj, Career) else DIPLOMA


@dataclass
class Selection:
    jobs: list = field(default_factory=list)
    diplomas: list = field(default_factory=list)

    def slugs(self, kind):
        return self.jobs if kind == JOB else self.diplomas

    def __contains__(self, obj):
        return obj.slug in self.slugs(kind_of(obj))

    def __len__(self):
        return len(self.jobs) + len(self.diplomas)

    @classmethod
    def from_session(cls, session):
        stored = session.get(SESSION_KEY) or {}
        return cls(list(stored.get(JOB, [])), list(stored.get(DIPLOMA, [])))

    def save(self, session):
        session[SESSION_KEY] = {JOB: self.jobs, DIPLOMA: self.diplomas}

    @classmethod
    def from_query(cls, query):
        """The selection a link's `m` and `f` parameters name, and what was left out.

        Returns (selection, notes): malformed slugs are left out here, each named in a
        French note; unknown ones are found when the items are looked up (`items`).
        """
        selection, notes = cls(), []
        for kind in KINDS:
            for raw in query.getlist(kind)[: MAX_ITEMS * 2]:
                slug = read_slug(raw)
                if slug == "":
                    continue
                if slug is None:
                    notes.append(f"« {shown(raw)} » n’est pas un identifiant valide : ignoré.")
                elif slug not in selection.slugs(kind) and len(selection.slugs(kind)) < MAX_ITEMS:
                    selection.slugs(kind).append(slug)
        return selection, notes

    def query_string(self):
        query = QueryDict(mutable=True)
        query.setlist(JOB, self.jobs)
        query.setlist(DIPLOMA, self.diplomas)
        return query.urlencode()

    def add(self, obj):
        """Adds `obj`; False if the selection already holds MAX_ITEMS of its kind."""
        slugs = self.slugs(kind_of(obj))
        if obj.slug in slugs:
            return True
        if len(slugs) >= MAX_ITEMS:
            return False
        slugs.append(obj.slug)
        return True

    def remove(self, obj):
        slugs = self.slugs(kind_of(obj))
        if obj.slug in slugs:
            slugs.remove(obj.slug)

    def items(self):
        """(jobs, diplomas, notes): the published items, in the selection's order, each job
        with its published diploma rows, and a French note for each slug left out.

        Three queries whatever the size: jobs, their rows, diplomas.
        """
        rows = (
            Pathway.objects.published()
            .select_related("diploma", "speciality")
            .order_by("position", "diploma__level", "diploma__short_name")
        )
        jobs = (
            Career.objects.for_list()
            .filter(slug__in=self.jobs)
            .prefetch_related(Prefetch("pathways", rows))
        )
        diplomas = Diploma.objects.published().filter(slug__in=self.diplomas)
        found_jobs = {job.slug: job for job in jobs} if self.jobs else {}
        found_diplomas = {d.slug: d for d in diplomas} if self.diplomas else {}
        notes = [
            f"{KINDS[kind]} ne porte l’identifiant « {slug} » : ignoré."
            for kind, slugs, found in (
                (JOB, self.jobs, found_jobs),
                (DIPLOMA, self.diplomas, found_diplomas),
            )
            for slug in slugs
            if slug not in found
        ]
        return (
            [found_jobs[s] for s in self.jobs if s in found_jobs],
            [found_diplomas[s] for s in self.diplomas if s in found_diplomas],
            notes,
        )


def lookup(kind, raw):
    """The published job or diploma that the slug `raw` names, or None."""
    slug = read_slug(raw)
    if kind not in KINDS or not slug:
        return None
    model = Career if kind == JOB else Diploma
    return model.objects.published().filter(slug=slug).first()
