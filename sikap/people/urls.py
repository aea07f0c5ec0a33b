from django.urls import path

from sikap.people import import_views, views

app_name = "people"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("statistik/", views.statistik, name="statistik"),
    path("pegawai/", views.pegawai_list, name="pegawai_list"),
    path("pegawai/ekspor.xlsx", views.pegawai_export, name="pegawai_export"),
    path("pegawai/tambah/", views.pegawai_create, name="pegawai_create"),
    path("pegawai/<str:nip>/", views.pegawai_detail, name="pegawai_detail"),
    path("pegawai/<str:nip>/ubah/", views.pegawai_edit, name="pegawai_edit"),
    path("pegawai/<str:nip>/drh.pdf", views.pegawai_pdf, name="pegawai_pdf"),
    path("pegawai/<str:nip>/jejak/", views.pegawai_history, name="pegawai_history"),
    path(
        "pegawai/<str:nip>/riwayat/<slug:kind>/tambah/", views.riwayat_edit, name="riwayat_create"
    ),
    path(
        "pegawai/<str:nip>/riwayat/<slug:kind>/<int:pk>/", views.riwayat_edit, name="riwayat_edit"
    ),
    path(
        "pegawai/<str:nip>/riwayat/<slug:kind>/<int:pk>/hapus/",
        views.riwayat_delete,
        name="riwayat_delete",
    ),
    path("impor/siasn/", import_views.import_siasn, name="import_siasn"),
]
