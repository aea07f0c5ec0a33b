"""e-Berkala pages: the due list per month (batch verify and sign), one letter with its
actions and preview, the calculator for staff, and "Surat KGB saya" for the pegawai."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from sikap.accounts import access
from sikap.core import inbox_views
from sikap.core.errors import SikapError
from sikap.core.views import refuse
from sikap.people.models import Pegawai
from sikap.reports.pdf import pdf_response
from sikap.rules import RuleError
from sikap.rules.kgb import DasarGaji, add_months, first_of_month, hitung
from sikap.salary import selectors, services
from sikap.salary.config import aturan, window_months
from sikap.salary.docx import letter_docx
from sikap.salary.flows import FLOW
from sikap.salary.forms import DaftarForm, KalkulatorForm, KembalikanForm, KertasForm, bulan_label
from sikap.salary.letter import letter_pdf
from sikap.salary.models import Kgb, KgbTertunda
from sikap.salary.tables import tables_for

REFUSED = "Daftar KGB hanya untuk staf BKD, penandatangan, pimpinan dan admin OPD."
S = Kgb.Status
UPCOMING_PER_PAGE = 50
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SECTIONS = (
    (S.DRAF, "Draf: menunggu verifikasi"),
    (S.DIKEMBALIKAN, "Dikembalikan: menunggu perbaikan data"),
    (S.DIVERIFIKASI, "Terverifikasi: menunggu tanda tangan"),
    (S.DITANDATANGANI, "Ditandatangani: sedang diterbitkan"),
    (S.TERBIT, "Terbit"),
)


@require_GET
def daftar(request):
    user = request.user
    if not access.may_work_kgb(user):
        return refuse(request, REFUSED)
    today = timezone.localdate()
    form = DaftarForm(request.GET or None, opds=access.opds_to_filter_by(user))
    bulan, opd = first_of_month(today), None
    if form.is_bound and form.is_valid():
        bulan = first_of_month(form.cleaned_data["bulan"] or today)
        opd = form.cleaned_data["opd"]
    end = add_months(bulan, 1)
    cases = Kgb.objects.visible_to(user).select_related("pegawai__opd")
    waiting = KgbTertunda.objects.filter(
        pegawai__in=Pegawai.objects.visible_to(user)
    ).select_related("pegawai__opd")
    if opd is not None:
        cases, waiting = cases.filter(pegawai__opd=opd), waiting.filter(pegawai__opd=opd)
    in_month = list(cases.filter(tmt__gte=bulan, tmt__lt=end).order_by("pegawai__nama"))
    sections = [
        (state, label, [k for k in in_month if k.state == state]) for state, label in SECTIONS
    ]
    people = selectors.candidates().filter(pk__in=Pegawai.objects.visible_to(user).values("pk"))
    upcoming = selectors.upcoming(people if opd is None else people.filter(opd=opd), bulan, end)
    page = Paginator(upcoming, UPCOMING_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "bulan": bulan,
        "mendatang": selectors.page_of(page.object_list),
        "mendatang_jumlah": page.paginator.count,
        "page": page,
        "bulan_label": bulan_label(bulan),
        "sebelum": add_months(bulan, -1).strftime("%Y-%m"),
        "sesudah": end.strftime("%Y-%m"),
        "opd": opd,
        "sections": sections,
        **_overdue(cases, today),
        "ditunda": waiting.filter(ditunda=True, tmt__gte=bulan, tmt__lt=end),
        "menunggu": waiting.filter(ditunda=False).order_by("pegawai__nama"),
        "may_verify": access.is_bkd_staff(user),
        "may_sign": access.is_kgb_signer(user),
        "kembali": request.get_full_path(),
        "jendela": window_months(),
    }
    return render(request, "salary/daftar.html", context)


def _overdue(cases, today, shown: int = 10) -> dict:
    """The oldest overdue letters, and how many there are in all."""
    overdue = cases.exclude(state=S.TERBIT).filter(tmt__lt=today)
    rows = list(overdue.order_by("tmt", "pegawai__nama")[:shown])
    count = len(rows) if len(rows) < shown else overdue.count()
    return {"terlambat": rows, "terlambat_jumlah": count, "terlambat_kurang": -len(rows)}


def _back(request, *, ok: bool = True):
    """Back where the form was (the list or the letter), or, for a decision taken from the
    inbox, on to the next item waiting there."""
    target = request.POST.get("kembali", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("salary:daftar")
    return inbox_views.after_decision(request, target, ok=ok)


def _ids(request) -> list[int]:
    return [int(x) for x in request.POST.getlist("kgb") if x.isdigit()]


def _report(request, done, errors, verb: str) -> None:
    if done:
        messages.success(request, f"{len(done)} surat KGB {verb}.")
    for e in errors:
        messages.error(request, e)


@require_POST
def verifikasi(request):
    if not access.is_bkd_staff(request.user):
        return refuse(request, "Hanya verifikator atau admin BKD yang dapat memverifikasi KGB.")
    ids = _ids(request)
    if not ids:
        messages.error(request, "Pilih sedikitnya satu surat KGB untuk diverifikasi.")
        return _back(request, ok=False)
    done, errors = services.verify(ids, actor=request.user)
    _report(request, done, errors, "diverifikasi")
    return _back(request, ok=bool(done) and not errors)


@require_POST
def tandatangani(request):
    if not access.is_kgb_signer(request.user):
        return refuse(request, "Anda tidak terdaftar sebagai penandatangan surat KGB.")
    ids = _ids(request)
    if not ids:
        messages.error(request, "Pilih sedikitnya satu surat KGB untuk ditandatangani.")
        return _back(request)
    try:
        done, errors = services.sign(ids, actor=request.user)
    except SikapError as e:
        messages.error(request, e.message)
        return _back(request, ok=False)
    _report(request, done, errors, "ditandatangani dan diterbitkan")
    return _back(request, ok=bool(done) and not errors)


def _get(request, pk) -> Kgb:
    return get_object_or_404(
        Kgb.objects.visible_to(request.user).select_related(
            "pegawai__opd", "pegawai__unit", "pegawai__jabatan", "tabel", "dokumen",
            "penandatangan",
        ),
        pk=pk,
    )  # fmt: skip


@require_GET
def detail(request, pk):
    kgb = _get(request, pk)
    context = {
        "kgb": kgb,
        "actions": [t.name for t in FLOW.available(kgb, request.user)],
        "kembalikan": KembalikanForm(initial={"version": kgb.version}),
        "kertas": KertasForm(),
        "timeline": kgb.timeline(),
    }
    return render(request, "salary/detail.html", context)


@require_POST
def kembalikan(request, pk):
    kgb = _get(request, pk)
    if "kembalikan" not in [t.name for t in FLOW.available(kgb, request.user)]:
        return refuse(request, "Anda tidak dapat mengembalikan surat KGB ini pada tahap ini.")
    form = KembalikanForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Alasan wajib diisi untuk mengembalikan surat KGB.")
        return inbox_views.after_decision(request, kgb.get_absolute_url(), ok=False)
    try:
        services.send_back(
            kgb, actor=request.user, reason=form.cleaned_data["alasan"],
            expected_version=form.cleaned_data["version"],
        )  # fmt: skip
    except SikapError as e:
        messages.error(request, e.message)
        ok = False
    else:
        messages.success(request, "Surat KGB dikembalikan untuk perbaikan data.")
        ok = True
    return inbox_views.after_decision(request, kgb.get_absolute_url(), ok=ok)


@require_GET
def surat(request, pk):
    """The published PDF from the registry, or a preview (no number, no QR) of a draft."""
    kgb = _get(request, pk)
    if kgb.dokumen_id:
        return redirect("documents:terbit_unduh", kgb.dokumen_id)
    form = KertasForm(request.GET or None)
    kertas = form.cleaned_data["kertas"] if form.is_bound and form.is_valid() else "a4"
    try:
        pdf = letter_pdf(kgb, paper_code=kertas)
    except SikapError as e:
        return refuse(request, e.message, status=409)
    return pdf_response(pdf, f"Pratinjau-KGB-{kgb.pegawai.nip}-{kertas.upper()}.pdf")


@require_GET
def surat_docx(request, pk):
    """The letter as DOCX for staff to adjust and print: numbered with its QR once published."""
    kgb = _get(request, pk)
    form = KertasForm(request.GET or None)
    kertas = form.cleaned_data["kertas"] if form.is_bound and form.is_valid() else "a4"
    try:
        content = letter_docx(kgb, terbit=kgb.dokumen, paper_code=kertas)
    except SikapError as e:
        return refuse(request, e.message, status=409)
    response = HttpResponse(content, content_type=DOCX)
    name = f"KGB-{kgb.pegawai.nip}-{kertas.upper()}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def saya(request):
    user = request.user
    letters = (
        Kgb.objects.filter(pegawai_id=user.pegawai_id, state=S.TERBIT)
        .select_related("dokumen", "tabel")
        .order_by("-tmt")
        if user.pegawai_id
        else Kgb.objects.none()
    )
    return render(request, "salary/saya.html", {"letters": letters})


@require_GET
def kalkulator(request):
    if not access.may_use_kgb_calculator(request.user):
        return refuse(request, REFUSED)
    form = KalkulatorForm(request.GET or None)
    hasil, puncak, error = None, False, ""
    if form.is_bound and form.is_valid():
        c = form.cleaned_data
        dasar = DasarGaji("kgb", c["golongan"], c["tmt"], c["mkg_tahun"], c["mkg_bulan"], 0)
        try:
            hasil = hitung(dasar, tables_for("pns"), None, aturan())
            puncak = hasil is None
        except RuleError as e:
            error = e.message
    return render(
        request,
        "salary/kalkulator.html",
        {"form": form, "hasil": hasil, "puncak": puncak, "error": error},
    )
