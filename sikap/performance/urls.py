from django.urls import path

from sikap.performance import views

app_name = "performance"

urlpatterns = [
    path("sakip/", views.home, name="sakip_home"),
    path("sakip/impor/", views.import_page, name="sakip_import"),
    path("sakip/pengaturan/", views.pengaturan, name="sakip_pengaturan"),
    path("sakip/<int:tahun>/", views.overview, name="sakip_tahun"),
    path("sakip/<int:tahun>/dasbor/", views.dashboard, name="sakip_dasbor"),
    path("sakip/<int:tahun>/periksa/", views.check_page, name="sakip_periksa"),
    path("sakip/<int:tahun>/perjanjian/", views.perjanjian, name="sakip_perjanjian"),
    path("sakip/indikator/<int:pk>/", views.indicator_page, name="sakip_indikator"),
    path("sakip/iku/<int:pk>/", views.iku_edit, name="sakip_iku"),
    path("sakip/realisasi/<int:pk>/simpan/", views.realisasi_save, name="sakip_realisasi_simpan"),
    path("sakip/realisasi/<int:pk>/langkah/", views.realisasi_step, name="sakip_realisasi_langkah"),
    path("sakip/realisasi/<int:pk>/bukti/", views.realisasi_bukti, name="sakip_realisasi_bukti"),
    path("sakip/realisasi/<int:pk>/koreksi/", views.koreksi_create, name="sakip_koreksi_baru"),
    path("sakip/koreksi/<int:pk>/", views.koreksi_page, name="sakip_koreksi"),
    path("sakip/koreksi/<int:pk>/langkah/", views.koreksi_step, name="sakip_koreksi_langkah"),
    path("sakip/koreksi/<int:pk>/bukti/", views.koreksi_bukti, name="sakip_koreksi_bukti"),
]
