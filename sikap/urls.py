from django.contrib.auth.decorators import login_not_required
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language

from sikap.core.admin_site import site as kelola_site

urlpatterns = [
    path("", include("sikap.accounts.urls")),
    path("", include("sikap.people.urls")),
    path("", include("sikap.documents.urls")),
    path("", include("sikap.selfservice.urls")),
    path("ip-asn/", include("sikap.ipasn.urls")),
    path("", include("sikap.performance.urls")),
    path("", include("sikap.lkj.urls")),
    path("", include("sikap.core.urls")),
    path("", include("sikap.salary.urls")),
    path("presensi/", include("sikap.attendance.urls")),
    path("kompetensi/", include("sikap.competency.urls")),
    path("kelola/", kelola_site.urls),
    path("api/", include("sikap.api.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path(
        "favicon.ico",
        login_not_required(RedirectView.as_view(url=static("sikap/favicon.svg"), permanent=True)),
    ),
]

handler403 = "sikap.core.views.permission_denied"
