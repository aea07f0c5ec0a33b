from django.urls import path

from sikap.selfservice import views

app_name = "selfservice"

urlpatterns = [
    path("usulan/", views.usulan_list, name="usulan_list"),
    path("usulan/baru/", views.usulan_pilih, name="usulan_pilih"),
    path("usulan/baru/<slug:kode>/", views.usulan_create, name="usulan_create"),
    path("usulan/antrian/", views.antrian, name="antrian"),
    path("usulan/antrian/setujui/", views.antrian_bulk, name="antrian_bulk"),
    path("usulan/<int:pk>/", views.usulan_detail, name="usulan_detail"),
    path("usulan/<int:pk>/ubah/", views.usulan_edit, name="usulan_edit"),
    path("usulan/<int:pk>/langkah/", views.usulan_step, name="usulan_step"),
    path("notifikasi/", views.notifikasi_list, name="notifikasi"),
    path("notifikasi/<int:pk>/baca/", views.notifikasi_open, name="notifikasi_open"),
    path("notifikasi/baca-semua/", views.notifikasi_read_all, name="notifikasi_read_all"),
]
