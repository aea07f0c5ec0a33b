from django.urls import path

from sikap.pension import views

app_name = "pension"

urlpatterns = [
    path("pensiun/", views.daftar, name="daftar"),
    path("pensiun/proyeksi/", views.proyeksi, name="proyeksi"),
    path("pensiun/hitung/", views.kalkulator, name="kalkulator"),
    path("pensiun/saya/", views.saya, name="saya"),
    path("pensiun/berkas/", views.berkas_list, name="berkas"),
    path("pensiun/berkas/buka/", views.buka, name="buka"),
    path("pensiun/berkas/<int:pk>/", views.detail, name="detail"),
    path("pensiun/berkas/<int:pk>/aksi/", views.aksi, name="aksi"),
    path("pensiun/berkas/<int:pk>/lampiran/<int:item>/", views.lampiran, name="lampiran"),
    path("pensiun/berkas/<int:pk>/dpcp.pdf", views.dpcp, name="dpcp"),
    path("pensiun/bup/<str:nip>/", views.bup, name="bup"),
]
