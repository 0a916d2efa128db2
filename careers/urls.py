from django.urls import path

from . import views

app_name = "careers"

urlpatterns = [
    path("metiers/", views.CareerListView.as_view(), name="list"),
    # Before the job pages, whose slug pattern would take "comparer".
    path("metiers/comparer/", views.CompareView.as_view(), name="compare"),
    path("metiers/<slug:slug>/", views.CareerDetailView.as_view(), name="detail"),
    path("familles/", views.FamilyListView.as_view(), name="families"),
    path("familles/<slug:slug>/", views.FamilyDetailView.as_view(), name="family"),
    path("temoignages/", views.TestimonialListView.as_view(), name="testimonials"),
]
