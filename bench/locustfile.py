"""What a visitor does: the public pages, with filters, in a random order and at a brisk pace.

Weights follow what a visitor reads most: the job pages and lists first, then diplomas,
families, search, and now and then the comparison, the diploma chart and the testimonials.
"""

import random
import re

from locust import FastHttpUser, between, task

DETAIL_LINK = re.compile(r'href="/(metiers|familles|formations)/([a-z0-9-]+)/"')
# What visitors type: jobs, diplomas, a misspelling, a place, a question.
QUERIES = ["actuaire", "infirmiere", "BTS", "opticien", "comptabilite", "Vincennes", "bac+2"]


class Visitor(FastHttpUser):
    # Short pauses: each of the 50 users asks for a page two to three times a second.
    wait_time = between(0.2, 0.6)

    def on_start(self):
        # Every user starts with the lists a visitor lands on, and picks detail pages from
        # their links: the load follows the real content.
        self.pages = {"metiers": set(), "familles": set(), "formations": set()}
        for url in ("/metiers/", "/formations/", "/familles/"):
            for section, slug in DETAIL_LINK.findall(self.client.get(url).text):
                self.pages[section].add(slug)
        self.pages["formations"].discard("schema")
        self.pages = {section: sorted(slugs) for section, slugs in self.pages.items()}

    def detail(self, section):
        slug = random.choice(self.pages[section])
        self.client.get(f"/{section}/{slug}/", name=f"/{section}/<slug>/")

    @task(3)
    def home(self):
        self.client.get("/")

    @task(3)
    def career_list(self):
        self.client.get("/metiers/")

    @task(2)
    def filtered_career_list(self):
        level = random.choice([0, 2, 3, 5])
        family = random.choice(self.pages["familles"])
        self.client.get(
            f"/metiers/?niveau={level}&famille={family}", name="/metiers/?niveau&famille"
        )

    @task(1)
    def career_list_search(self):
        self.client.get(f"/metiers/?q={random.choice(QUERIES)}", name="/metiers/?q")

    @task(5)
    def career(self):
        self.detail("metiers")

    @task(2)
    def diploma_list(self):
        self.client.get("/formations/?apprentissage=oui")

    @task(2)
    def diploma(self):
        self.detail("formations")

    @task(2)
    def family(self):
        self.detail("familles")

    @task(2)
    def search(self):
        self.client.get(f"/recherche/?q={random.choice(QUERIES)}", name="/recherche/?q")

    @task(1)
    def compare(self):
        first, second = random.sample(self.pages["metiers"], 2)
        self.client.get(f"/metiers/comparer/?m={first}&m={second}", name="/metiers/comparer/")

    @task(1)
    def schema(self):
        self.client.get("/formations/schema/")

    @task(1)
    def testimonials(self):
        self.client.get("/temoignages/")
