from django.urls import path

from . import views

app_name = "diplomas"

urlpatterns = [
    path("formations/", views.DiplomaListView.as_view(), name="list"),
    path("formations/schema/", views.SchemaView.as_view(), name="schema"),
    path("formations/<slug:slug>/", views.DiplomaDetailView.as_view(), name="detail"),
]
