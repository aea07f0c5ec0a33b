from django.urls import path

from sikap.lkj import views

app_name = "lkj"

urlpatterns = [
    path("lkj/", views.lkj_home, name="lkj_home"),
    path("lkj/<int:tahun>/", views.lkj_page, name="lkj_tahun"),
    path("lkj/<int:tahun>/unduh.pdf", views.lkj_download, {"fmt": "pdf"}, name="lkj_pdf"),
    path("lkj/<int:tahun>/terbitkan/", views.lkj_publish, name="lkj_terbitkan"),
    path("lkj/<int:tahun>/konfirmasi/", views.lkj_confirm, name="lkj_konfirmasi"),
    path("lkj/<int:tahun>/analisis/", views.lkj_analysis, name="lkj_analisis"),
    path("lkj/<int:tahun>/unduh.docx", views.lkj_download, {"fmt": "docx"}, name="lkj_docx"),
    path("lkj/<int:tahun>/pindaian-pk/", views.lkj_pk_upload, name="lkj_pk_unggah"),
    path("lkj/<int:tahun>/pindaian-pk/berkas", views.lkj_pk_file, name="lkj_pk_berkas"),
]
