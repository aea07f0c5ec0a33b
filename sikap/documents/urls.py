from django.urls import path

from sikap.documents import access_views, views

app_name = "documents"

urlpatterns = [
    path("pegawai/<str:nip>/dokumen/", views.arsip_pegawai, name="arsip_pegawai"),
    path(
        "pegawai/<str:nip>/dokumen/<slug:kode>/unggah/",
        views.dokumen_unggah,
        name="dokumen_unggah",
    ),
    path("dokumen/<int:pk>/", views.dokumen_detail, name="dokumen_detail"),
    path("dokumen/<int:pk>/lihat/", views.dokumen_lihat, name="dokumen_lihat"),
    path("dokumen/<int:pk>/unduh/", views.dokumen_unduh, name="dokumen_unduh"),
    path("dokumen/<int:pk>/verifikasi/", views.dokumen_verifikasi, name="dokumen_verifikasi"),
    path("dokumen/verifikasi/", views.antrian_verifikasi, name="antrian_verifikasi"),
    path("dokumen/kelengkapan/", views.kelengkapan, name="kelengkapan_dokumen"),
    path("dokumen/kelengkapan/ekspor.xlsx", views.kelengkapan_ekspor, name="kelengkapan_ekspor"),
    path("dokumen/terbit/<int:pk>/unduh/", views.terbit_unduh, name="terbit_unduh"),
    path("akses-berkas/", access_views.akses_log, name="akses_log"),
    path("akses-berkas/saya/", access_views.akses_saya, name="akses_saya"),
    # Public (`login_not_required`); short, for the QR code.
    path("verifikasi/<str:token>", views.verifikasi_publik, name="verifikasi_dokumen"),
]
