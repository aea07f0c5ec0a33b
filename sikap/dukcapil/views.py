""" "Cek data kependudukan": the BKD desk finds a pegawai and compares SIMAK with the population
registry. The lookup runs on POST only (it reads personal data from outside and is logged);
the page shows the differences or why a manual check with the KK/KTP scans is needed."""

from datetime import date

from django.db.models import Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from sikap.accounts import access
from sikap.core.views import refuse
from sikap.dukcapil import services
from sikap.people.models import AnggotaKeluarga, Pegawai

DITAMPILKAN = 20


@require_GET
def cari(request):
    user = request.user
    if not access.may_check_kependudukan(user):
        return refuse(request, access.KEPENDUDUKAN_REFUSAL)
    q = " ".join(request.GET.get("q", "").split())[:100]
    hasil = []
    if q:
        nip = q.replace(" ", "")
        hasil = list(
            Pegawai.objects.visible_to(user)
            .filter(Q(nip=nip) | Q(nik=nip) | Q(nama__icontains=q))
            .select_related("opd")
            .order_by("nama", "nip")[: DITAMPILKAN + 1]
        )
        if len(hasil) == 1:
            return redirect("dukcapil:cek", nip=hasil[0].nip)
    return render(
        request,
        "dukcapil/cari.html",
        {"q": q, "hasil": hasil[:DITAMPILKAN], "lebih": len(hasil) > DITAMPILKAN},
    )


@require_http_methods(["GET", "POST"])
def cek(request, nip):
    user = request.user
    if not access.may_check_kependudukan(user):
        return refuse(request, access.KEPENDUDUKAN_REFUSAL)
    pegawai = access.get_pegawai_for_user(user, nip)
    if not access.may_check_kependudukan(user, pegawai):
        return refuse(request, access.KEPENDUDUKAN_OWN_REFUSAL)
    hasil = None
    if request.method == "POST":
        # A person asked: the registry's answer now, not one cached for the pension file.
        hasil = services.cek_pegawai(user, pegawai, request=request, segar=True)
    # Spouse first, then the children from the eldest.
    keluarga = sorted(
        AnggotaKeluarga.objects.filter(pegawai=pegawai),
        key=lambda a: (a.hubungan == AnggotaKeluarga.Hubungan.ANAK, a.tanggal_lahir or date.min),
    )
    return render(
        request,
        "dukcapil/cek.html",
        {"pegawai": pegawai, "keluarga": keluarga, "hasil": hasil},
    )
