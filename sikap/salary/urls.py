from django.urls import path

from sikap.salary import views

app_name = "salary"

urlpatterns = [
    path("kgb/", views.daftar, name="daftar"),
    path("kgb/verifikasi/", views.verifikasi, name="verifikasi"),
    path("kgb/tandatangani/", views.tandatangani, name="tandatangani"),
    path("kgb/hitung/", views.kalkulator, name="kalkulator"),
    path("kgb/saya/", views.saya, name="saya"),
    path("kgb/<int:pk>/", views.detail, name="detail"),
    path("kgb/<int:pk>/kembalikan/", views.kembalikan, name="kembalikan"),
    path("kgb/<int:pk>/surat.pdf", views.surat, name="surat"),
    path("kgb/<int:pk>/surat.docx", views.surat_docx, name="surat_docx"),
]
