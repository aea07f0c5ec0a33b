from django.urls import path

from sikap.competency import result_views, views

app_name = "competency"

urlpatterns = [
    path("", views.ujian_saya, name="ujian_saya"),
    path("ujian/<int:ujian_id>/mulai/", views.mulai, name="mulai"),
    path("percobaan/<int:pk>/", views.kerjakan, name="kerjakan"),
    path("percobaan/<int:pk>/serahkan/", views.serahkan, name="serahkan"),
    path("percobaan/<int:pk>/selesai/", views.selesai, name="selesai"),
    path("percobaan/<int:pk>/gambar/<int:urutan>/", views.gambar, name="gambar"),
]

# Results (result_views.py)
urlpatterns += [
    path("percobaan/<int:pk>/hasil/", result_views.hasil, name="hasil"),
    path("percobaan/<int:pk>/hasil.pdf", result_views.hasil_pdf, name="hasil_pdf"),
    path("percobaan/<int:pk>/catat/", result_views.catat, name="catat"),
    path("hasil/", result_views.rekap, name="rekap"),
    path("hasil/unduh.xlsx", result_views.rekap_xlsx, name="rekap_xlsx"),
]
