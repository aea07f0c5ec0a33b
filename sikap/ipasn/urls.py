from django.urls import path

from sikap.ipasn import views

app_name = "ipasn"

urlpatterns = [
    path("", views.index, name="index"),
    path("indikator/tambah/", views.indicator_edit, name="indicator_create"),
    path("indikator/<int:pk>/ubah/", views.indicator_edit, name="indicator_edit"),
    path("indikator/<int:pk>/hapus/", views.indicator_delete, name="indicator_delete"),
    path("<int:year>/", views.year_view, name="year"),
    path("<int:year>/opd/", views.per_opd_view, name="per_opd"),
    path("<int:year>/indikator/<int:pk>/", views.indicator_view, name="indicator"),
    path(
        "<int:year>/indikator/<int:pk>/<slug:name>/",
        views.indicator_members_view,
        name="indicator_members",
    ),
    path("<int:year>/<slug:dimension>/<slug:category>/", views.members_view, name="members"),
]
