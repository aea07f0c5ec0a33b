from django.urls import include, path

urlpatterns = [
    path("", include("sikap.accounts.urls")),
    path("", include("sikap.people.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]
