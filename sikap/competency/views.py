"""The taker's pages: my tests (`/kompetensi/`), the attempt page (all its items in one small
page, one shown at a time by `static/sikap/js/ujian.js`, which saves each choice through the
API and queues what a lost connection could not send), and the finished page. Without
JavaScript the same page works item by item with plain forms."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sikap.accounts import access
from sikap.competency import selectors, services
from sikap.competency.models import Percobaan, TampilHasil
from sikap.core.errors import Kode, SikapError
from sikap.core.ids import parse_number
from sikap.documents.storage import file_response
from sikap.documents.validation import KINDS, detect_format


def _taker(request) -> None:
    if not access.may_take_competency_test(request.user):
        raise PermissionDenied(
            "Uji kompetensi hanya untuk akun yang terhubung dengan data pegawai; akun ini tidak."
        )


def _attempt(request, pk: int) -> Percobaan:
    """The caller's own attempt (closed first if its time ran out); others' are not found."""
    try:
        with transaction.atomic():
            percobaan = services.for_taker(pk, request.user, lock=True)
            services.close_if_expired(percobaan, timezone.now())
    except SikapError as e:
        if e.code == Kode.TIDAK_DITEMUKAN:
            raise Http404(e.message) from e
        raise PermissionDenied(e.message) from e
    return percobaan


@require_GET
def ujian_saya(request):
    _taker(request)
    found = selectors.tests_for(request.user, timezone.now())
    return render(request, "competency/ujian_saya.html", {"daftar": found})


@require_POST
def mulai(request, ujian_id: int):
    _taker(request)
    try:
        started = services.start(ujian_id, actor=request.user)
    except SikapError as e:
        messages.error(request, e.message)
        return redirect("competency:ujian_saya")
    return redirect("competency:kerjakan", started.percobaan.pk)


def _position(request, percobaan: Percobaan) -> int:
    wanted = parse_number(request.GET.get("n"), maximum=9999)
    if wanted is None or wanted >= percobaan.jumlah_soal:
        return percobaan.posisi
    if wanted != percobaan.posisi:
        services.move(percobaan.pk, urutan=wanted, actor=request.user)
        percobaan.posisi = wanted
    return wanted


@never_cache
@require_http_methods(["GET", "POST"])
def kerjakan(request, pk: int):
    """GET: the attempt at its current item. POST (without JavaScript): save one answer, then
    show the next item."""
    percobaan = _attempt(request, pk)
    if percobaan.status != Percobaan.Status.BERJALAN:
        return redirect("competency:selesai", pk)
    if request.method == "POST":
        urutan = parse_number(request.POST.get("urutan"), maximum=9999)
        opsi = parse_number(request.POST.get("opsi"))
        if urutan is None or opsi is None:
            messages.error(request, "Pilih salah satu jawaban dulu.")
            return redirect(f"{request.path}?n={percobaan.posisi}")
        try:
            services.answer(pk, urutan=urutan, opsi_id=opsi, nomor_kirim=None, actor=request.user)
        except SikapError as e:
            messages.error(request, e.message)
            return redirect("competency:kerjakan", pk)
        nxt = min(urutan + 1, percobaan.jumlah_soal - 1)
        return redirect(f"{request.path}?n={nxt}")
    posisi = _position(request, percobaan)
    state = selectors.state_of(percobaan, timezone.now())
    return render(
        request,
        "competency/kerjakan.html",
        {"p": percobaan, "keadaan": state, "posisi": posisi},
    )


@require_POST
def serahkan(request, pk: int):
    _attempt(request, pk)
    services.submit(pk, actor=request.user)
    return redirect("competency:selesai", pk)


@require_GET
def selesai(request, pk: int):
    percobaan = _attempt(request, pk)
    if percobaan.status == Percobaan.Status.BERJALAN:
        return redirect("competency:kerjakan", pk)
    state = selectors.state_of(percobaan, timezone.now())
    ujian = percobaan.ujian
    now = timezone.now()
    hasil_tampil = ujian.tampil_hasil == TampilHasil.SEGERA or (
        ujian.tampil_hasil == TampilHasil.SETELAH_DITUTUP and now >= ujian.ditutup
    )
    return render(
        request,
        "competency/selesai.html",
        {"p": percobaan, "keadaan": state, "hasil_tampil": hasil_tampil},
    )


@require_GET
def gambar(request, pk: int, urutan: int):
    """An item's image for whoever may read the attempt (its taker, the test managers)."""
    percobaan = Percobaan.objects.visible_to(request.user).filter(pk=pk).first()
    if percobaan is None:
        raise Http404("Percobaan ujian tidak ditemukan.")
    image = selectors.image_of(percobaan, urutan)
    if image is None:
        raise Http404("Soal ini tidak bergambar.")
    with image.open("rb") as handle:
        kind = detect_format(handle.read(16))
    if kind is None or not KINDS[kind].mime.startswith("image/"):
        raise Http404("Gambar soal tidak dikenali.")
    return file_response(
        image, filename=f"soal-{urutan + 1}.{kind}", content_type=KINDS[kind].mime, inline=True
    )
