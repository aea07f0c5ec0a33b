"""Results: the taker's result page (radar against the standard, strengths, gaps, suggested
training) with its PDF and the "record in my history" action; the recap per OPD and jabatan
for admin BKD (every OPD) and admin OPD (their scope), with its XLSX export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from sikap.accounts import access
from sikap.competency import results, self_assessment
from sikap.competency.models import Kompetensi, PenilaianMandiri, Percobaan, Ujian
from sikap.competency.radar import radar_svg
from sikap.core.errors import SikapError
from sikap.core.ids import parse_number
from sikap.org.models import JenisJabatan, Opd
from sikap.reports.pdf import pdf_response, render_pdf
from sikap.reports.xlsx import xlsx_response

NOT_SHOWN = "Hasil ujian ini belum atau tidak ditampilkan kepada peserta."
NOT_SCORED = "Hasil ujian ini sedang dihitung; muat ulang halaman sebentar lagi."
RECAP_REFUSAL = "Rekap hasil uji kompetensi untuk admin BKD dan admin OPD."


def _readable(request, pk: int) -> Percobaan:
    percobaan = (
        Percobaan.objects.visible_to(request.user)
        .select_related("ujian", "pegawai", "opd", "jabatan")
        .filter(pk=pk)
        .first()
    )
    if percobaan is None or percobaan.status == Percobaan.Status.BERJALAN:
        raise Http404("Hasil ujian tidak ditemukan.")
    if not results.may_show(request.user, percobaan, timezone.now()):
        raise PermissionDenied(NOT_SHOWN)
    return percobaan


def _context(request, percobaan: Percobaan) -> dict:
    hasil = results.result_of(percobaan)
    return {
        "p": percobaan,
        "hasil": hasil,
        "chart": hasil.chart(),
        "tercatat": PenilaianMandiri.objects.filter(percobaan=percobaan).exists(),
        "boleh_catat": access.may_record_self_assessment(request.user, percobaan),
    }


@require_GET
def hasil(request, pk: int):
    percobaan = _readable(request, pk)
    if percobaan.dinilai is None:
        return render(request, "competency/hasil.html", {"p": percobaan, "hasil": None})
    return render(request, "competency/hasil.html", _context(request, percobaan))


@require_GET
def hasil_pdf(request, pk: int):
    percobaan = _readable(request, pk)
    if percobaan.dinilai is None:
        raise PermissionDenied(NOT_SCORED)
    context = _context(request, percobaan)
    chart = context["chart"]
    context["radar"] = radar_svg(chart["labels"], chart["hasil"], chart["standar"])
    context["dicetak"] = timezone.localtime()
    content = render_pdf("competency/hasil_pdf.html", context, request=request)
    return pdf_response(content, f"hasil-kompetensi-{percobaan.pegawai.nip}-{percobaan.pk}.pdf")


@require_POST
def catat(request, pk: int):
    percobaan = _readable(request, pk)
    if percobaan.pegawai_id != request.user.pegawai_id:
        raise PermissionDenied("Hanya peserta yang dapat mencatat hasil ujiannya sendiri.")
    try:
        self_assessment.record(percobaan, actor=request.user)
    except SikapError as e:
        messages.error(request, e.message)
    else:
        messages.success(
            request, "Hasil ini dicatat di riwayat Anda sebagai penilaian mandiri (bukan resmi)."
        )
    return redirect("competency:hasil", pk)


# --- recap --------------------------------------------------------------------------------------


def _filters(request):
    if not access.may_read_competency_recap(request.user):
        raise PermissionDenied(RECAP_REFUSAL)
    tests = Ujian.objects.order_by("-dibuka", "nama")
    if not access.may_manage_competency_tests(request.user):
        # An admin OPD reads their people's results of every published test (Ujian.visible_to
        # names only the tests meant for their own pegawai record).
        tests = tests.filter(terbit=True)
    tests = list(tests)
    wanted = parse_number(request.GET.get("ujian"))
    ujian = next((u for u in tests if u.pk == wanted), tests[0] if tests else None)
    if access.may_manage_competency_tests(request.user):
        opds = list(Opd.objects.order_by("nama"))
    else:
        opds = list(request.user.opd_scope.order_by("nama"))
    opd_id = parse_number(request.GET.get("opd"))
    opd = next((o for o in opds if o.pk == opd_id), None)
    jenis = request.GET.get("jenis", "")
    jenis = jenis if jenis in JenisJabatan.values else ""
    # A position is chosen by its name: each unit has its own row of "Guru Ahli Madya", and a
    # list of rows showed the same name hundreds of times (the standards import matches by name
    # too).
    jabatan = " ".join(request.GET.get("jabatan", "").split())[:255]
    return {
        "tests": tests,
        "ujian": ujian,
        "opds": opds,
        "opd": opd,
        "jenis_choices": JenisJabatan.choices,
        "jenis": jenis,
        "jabatan_terpilih": jabatan,
    }


def _attempts(request, f):
    if f["ujian"] is None:
        return Percobaan.objects.none()
    return results.finished_attempts(
        request.user,
        f["ujian"],
        opd_id=f["opd"].pk if f["opd"] else None,
        jenis=f["jenis"],
        jabatan_nama=f["jabatan_terpilih"],
    )


@require_GET
def rekap(request):
    f = _filters(request)
    attempts = _attempts(request, f)
    sebaran = results.distribution(attempts)
    jabatan = (
        attempts.exclude(jabatan=None)
        .order_by("jabatan__nama")
        .values_list("jabatan__nama", flat=True)
        .distinct()
        if f["ujian"]
        else []
    )
    chart = {
        "labels": [s.kompetensi.nama for s in sebaran],
        "memenuhi": [s.persen_memenuhi for s in sebaran],
        "per_level": [[s.per_level[lv] for s in sebaran] for lv in range(6)],
    }
    return render(
        request,
        "competency/rekap.html",
        {
            **f,
            "peserta": attempts.count(),
            "sebaran": sebaran,
            "jabatan": list(jabatan),
            "chart": chart,
            "query": request.GET.urlencode(),
        },
    )


@require_GET
def rekap_xlsx(request):
    f = _filters(request)
    if f["ujian"] is None:
        raise Http404("Belum ada ujian kompetensi.")
    attempts = _attempts(request, f)
    kompetensi = list(
        Kompetensi.objects.filter(pk__in=attempts.values("hasil__kompetensi_id")).order_by(
            "kelompok", "urutan"
        )
    )
    headers = results.export_headers(kompetensi)
    rows = results.export_rows(attempts, kompetensi)
    stamp = timezone.localdate().strftime("%Y%m%d")
    return xlsx_response(
        f"hasil-kompetensi-{f['ujian'].pk}-{stamp}.xlsx",
        headers,
        rows,
        title="Hasil uji kompetensi",
        widths=[20, 32, 32, 32, 22, 12] + [10] * (3 * len(kompetensi)) + [60],
    )
