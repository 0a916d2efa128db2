"""What a visitor does: the main pages, with filters, in a random order and at a brisk pace."""

import random
import re

from locust import FastHttpUser, between, task

DETAIL_LINK = re.compile(r'href="(/(?:metiers|familles|formations)/[a-z0-9-]+/)"')


class Visitor(FastHttpUser):
    # Short pauses: each of the 50 users asks for a page two to three times a second.
    wait_time = between(0.2, 0.6)

    def on_start(self):
        # Every user starts with the lists a visitor lands on, and picks detail pages from
        # their links: the load follows the real content.
        pages = set()
        for url in ("/metiers/", "/formations/"):
            pages.update(DETAIL_LINK.findall(self.client.get(url).text))
        self.detail_pages = sorted(pages - {"/formations/schema/"})

    @task(3)
    def home(self):
        self.client.get("/")

    @task(3)
    def career_list(self):
        self.client.get("/metiers/")

    @task(2)
    def filtered_career_list(self):
        level = random.choice([0, 2, 3, 5])
        self.client.get(f"/metiers/?niveau={level}&q=gestion", name="/metiers/?niveau&q")

    @task(5)
    def detail_page(self):
        self.client.get(random.choice(self.detail_pages), name="/<section>/<slug>/")

    @task(2)
    def diploma_list(self):
        self.client.get("/formations/?apprentissage=oui")

    @task(1)
    def schema(self):
        self.client.get("/formations/schema/")

    @task(1)
    def testimonials(self):
        self.client.get("/temoignages/")
