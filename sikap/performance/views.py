"""SAKIP pages for perencana, admin BKD (who change plans and realisation) and pimpinan (who
reads). Everyone else gets 403. Writes go through `sikap.performance.services`."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from sikap.accounts import access
from sikap.core import inbox_views
from sikap.core.audit import history_of
from sikap.core.errors import SikapError
from sikap.core.forms import show_error
from sikap.core.ids import INT_MAX, parse_number
from sikap.core.notifications import mark_read_for
from sikap.core.views import refuse
from sikap.performance import flows, import_runs, services
from sikap.performance.capaian import year_capaian
from sikap.performance.charts import dashboard_chart
from sikap.performance.forms import (
    IkuForm,
    ImportForm,
    KoreksiForm,
    PengaturanForm,
    PerjanjianForm,
    RealisasiForm,
    StepForm,
)
from sikap.performance.importer import ANGGARAN, IKU, REALISASI, RENJA
from sikap.performance.models import (
    OPEN_KOREKSI,
    IndikatorRenja,
    IndikatorTarget,
    KoreksiRealisasi,
    PengaturanCapaian,
    PerjanjianKinerja,
    Program,
    RealisasiTriwulan,
    Renja,
)
from sikap.performance.selectors import findings_for_year, latest_agreement, years

SEVERITY_CLASS = {"A": "danger", "B": "warning", "C": "secondary"}
READ_ONLY = "Hanya perencana dan admin BKD yang dapat mengubah data SAKIP."


NOT_A_READER = "Halaman SAKIP hanya untuk perencana, admin BKD dan pimpinan."


def reader(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not access.may_read_sakip(request.user):
            return refuse(request, NOT_A_READER)
        return view(request, *args, **kwargs)

    return wrapped


def editor(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not access.may_read_sakip(request.user):
            return refuse(request, NOT_A_READER)
        if not access.may_plan(request.user):
            return refuse(request, READ_ONLY)
        return view(request, *args, **kwargs)

    return wrapped


def _year_or_404(tahun: int) -> Renja:
    return get_object_or_404(Renja, tahun=tahun)


# Overview, dashboard, checks


@reader
def home(request):
    known = years()
    if known:
        return redirect("performance:sakip_tahun", known[0])
    return render(request, "performance/empty.html")


def _ip_asn_iku(result) -> bool:
    """An IKU computed from the IP ASN: its predikat and the IP ASN category meet on the page."""
    return any(i.source == "formula" for i in result.iku)


@reader
def overview(request, tahun):
    renja = _year_or_404(tahun)
    result = year_capaian(tahun)
    context = {
        "renja": renja,
        "years": years(),
        "result": result,
        "agreements": PerjanjianKinerja.objects.filter(tahun=tahun).order_by("-nomor_versi"),
        "may_edit": access.may_plan(request.user),
        "ip_asn_iku": _ip_asn_iku(result),
    }
    return render(request, "performance/overview.html", context)


@reader
def dashboard(request, tahun):
    renja = _year_or_404(tahun)
    result = year_capaian(tahun)
    chart = dashboard_chart(result)
    context = {
        "renja": renja,
        "years": years(),
        "result": result,
        "chart": chart,
        "ip_asn_iku": _ip_asn_iku(result),
    }
    return render(request, "performance/dashboard.html", context)


@reader
def check_page(request, tahun):
    renja = _year_or_404(tahun)
    findings = findings_for_year(tahun)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("A", "B", "C")}
    context = {
        "renja": renja,
        "years": years(),
        "findings": findings,
        "counts": counts,
        "severity_class": SEVERITY_CLASS,
    }
    return render(request, "performance/checks.html", context)


# Realisation entry


@reader
def indicator_page(request, pk):
    indikator = get_object_or_404(
        IndikatorRenja.objects.select_related("renja", "program", "kegiatan", "sub_kegiatan"), pk=pk
    )
    mark_read_for(request.user, request.path)
    quarters = list(indikator.realisasi.select_related("diajukan_oleh").order_by("triwulan"))
    open_koreksi = {
        k.realisasi_id: k
        for k in KoreksiRealisasi.objects.filter(realisasi__in=quarters, state__in=OPEN_KOREKSI)
    }
    can_edit = access.may_plan(request.user)
    cards = []
    for quarter in quarters:
        form = None
        if can_edit and quarter.editable:
            form = RealisasiForm(
                initial={"k": quarter.k, "rp": quarter.rp, "catatan": quarter.catatan},
                prefix=f"tw{quarter.triwulan}",
            )
        cards.append(
            {
                "quarter": quarter,
                "form": form,
                "steps": flows.REALISASI.available(quarter, request.user),
                "koreksi": open_koreksi.get(quarter.pk),
                "timeline": quarter.timeline(),
            }
        )
    context = {
        "indikator": indikator,
        "cards": cards,
        "may_edit": can_edit,
    }
    return render(request, "performance/indicator.html", context)


@require_POST
@editor
def realisasi_save(request, pk):
    quarter = get_object_or_404(RealisasiTriwulan, pk=pk)
    form = RealisasiForm(request.POST, request.FILES, prefix=f"tw{quarter.triwulan}")
    if form.is_valid():
        try:
            services.save_realisasi(
                quarter,
                k=form.cleaned_data["k"],
                rp=form.cleaned_data["rp"],
                catatan=form.cleaned_data["catatan"],
                bukti=form.cleaned_data["bukti"],
                actor=request.user,
            )
            messages.success(request, f"Realisasi TW {quarter.triwulan} disimpan.")
        except SikapError as e:
            messages.error(request, e.message)
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"TW {quarter.triwulan} {label}: {' '.join(errors)}")
    return redirect(quarter.get_absolute_url())


def _run_step(request, case, flow, run) -> bool:
    form = StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Permintaan tidak lengkap; muat ulang halaman.")
        return False
    try:
        run(
            case,
            form.cleaned_data["langkah"],
            actor=request.user,
            reason=form.cleaned_data["alasan"],
            expected_version=form.cleaned_data["versi"],
        )
        messages.success(request, f"{flow.get(form.cleaned_data['langkah']).label}: berhasil.")
    except SikapError as e:
        messages.error(request, e.message)
        return False
    mark_read_for(request.user, case.get_absolute_url())
    return True


@require_POST
@editor
def realisasi_step(request, pk):
    quarter = get_object_or_404(RealisasiTriwulan, pk=pk)
    ok = _run_step(request, quarter, flows.REALISASI, services.run_realisasi)
    return inbox_views.after_decision(request, quarter.get_absolute_url(), ok=ok)


def _download(request, case):
    if not case.bukti:
        raise Http404("Tidak ada berkas bukti.")
    try:
        handle = case.bukti.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas bukti tidak ditemukan di penyimpanan.") from None
    return FileResponse(handle, as_attachment=True, filename=case.bukti.name.rsplit("/", 1)[-1])


@reader
def realisasi_bukti(request, pk):
    return _download(request, get_object_or_404(RealisasiTriwulan, pk=pk))


# Corrections


@editor
def koreksi_create(request, pk):
    quarter = get_object_or_404(RealisasiTriwulan.objects.select_related("indikator"), pk=pk)
    form = KoreksiForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            koreksi = services.create_koreksi(
                quarter,
                k=form.cleaned_data["k"],
                rp=form.cleaned_data["rp"],
                alasan=form.cleaned_data["alasan"],
                catatan=form.cleaned_data["catatan"],
                bukti=form.cleaned_data["bukti"],
                actor=request.user,
            )
            messages.success(request, "Koreksi dibuat sebagai draf; ajukan untuk diverifikasi.")
            return redirect(koreksi.get_absolute_url())
        except SikapError as e:
            show_error(e, form)
    elif request.method == "GET":
        form.initial = {"k": quarter.k, "rp": quarter.rp, "catatan": quarter.catatan}
    return render(request, "performance/koreksi_form.html", {"quarter": quarter, "form": form})


@reader
def koreksi_page(request, pk):
    koreksi = get_object_or_404(
        KoreksiRealisasi.objects.select_related("realisasi__indikator", "dibuat_oleh"), pk=pk
    )
    form = None
    if access.may_plan(request.user) and koreksi.editable:
        form = KoreksiForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.save_koreksi(
                    koreksi,
                    k=form.cleaned_data["k"],
                    rp=form.cleaned_data["rp"],
                    alasan=form.cleaned_data["alasan"],
                    catatan=form.cleaned_data["catatan"],
                    bukti=form.cleaned_data["bukti"],
                    actor=request.user,
                )
                messages.success(request, "Koreksi disimpan.")
                return redirect(koreksi.get_absolute_url())
            except SikapError as e:
                show_error(e, form)
        elif request.method == "GET":
            form.initial = {
                "k": koreksi.k,
                "rp": koreksi.rp,
                "alasan": koreksi.alasan,
                "catatan": koreksi.catatan,
            }
    elif request.method == "POST":
        return refuse(
            request,
            READ_ONLY
            if not access.may_plan(request.user)
            else "Koreksi ini sudah tidak dapat diubah.",
        )
    mark_read_for(request.user, request.path)
    context = {
        "koreksi": koreksi,
        "quarter": koreksi.realisasi,
        "form": form,
        "steps": flows.KOREKSI.available(koreksi, request.user),
        "timeline": koreksi.timeline(),
    }
    return render(request, "performance/koreksi.html", context)


@require_POST
@editor
def koreksi_step(request, pk):
    koreksi = get_object_or_404(KoreksiRealisasi, pk=pk)
    ok = _run_step(request, koreksi, flows.KOREKSI, services.run_koreksi)
    return inbox_views.after_decision(request, koreksi.get_absolute_url(), ok=ok)


@reader
def koreksi_bukti(request, pk):
    return _download(request, get_object_or_404(KoreksiRealisasi, pk=pk))


# IKU targets, Perjanjian Kinerja, settings


@editor
def iku_edit(request, pk):
    target = get_object_or_404(IndikatorTarget.objects.select_related("indikator"), pk=pk)
    initial = {"target": target.target, "realisasi": target.realisasi}
    form = IkuForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_indikator_target(
                target,
                target=form.cleaned_data["target"],
                realisasi=form.cleaned_data["realisasi"],
                actor=request.user,
            )
            messages.success(request, f"{target.indikator} {target.tahun} disimpan.")
            return redirect("performance:sakip_tahun", target.tahun)
        except SikapError as e:
            show_error(e, form)
    context = {"target": target, "form": form, "history": history_of(target)[:20]}
    return render(request, "performance/iku_form.html", context)


@reader
def perjanjian(request, tahun):
    renja = _year_or_404(tahun)
    latest = latest_agreement(tahun)
    agreed_targets = {t.indikator_id: t.target for t in latest.targets.all()} if latest else {}
    agreed_budgets = {a.program_id: a.anggaran for a in latest.anggaran.all()} if latest else {}
    targets = [
        (t.indikator, agreed_targets.get(t.indikator_id, t.target))
        for t in IndikatorTarget.objects.filter(tahun=tahun).select_related("indikator")
    ]
    programs = [
        (p, agreed_budgets.get(p.pk))
        for p in Program.objects.filter(renja=renja).order_by("urutan")
    ]
    form = None
    if access.may_plan(request.user):
        form = PerjanjianForm(request.POST or None, targets=targets, programs=programs)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                pk = services.create_perjanjian_kinerja(
                    tahun,
                    jenis=data["jenis"],
                    tanggal_tanda_tangan=data["tanggal_tanda_tangan"],
                    targets={i: data[f"target_{i.pk}"] for i, _ in targets},
                    anggaran={
                        p: data[f"anggaran_{p.pk}"]
                        for p, _ in programs
                        if data[f"anggaran_{p.pk}"] is not None
                    },
                    catatan=data["catatan"],
                    actor=request.user,
                )
                messages.success(request, f"{pk} disimpan.")
                return redirect("performance:sakip_perjanjian", tahun)
            except SikapError as e:
                show_error(e, form)
    elif request.method == "POST":
        return refuse(request, READ_ONLY)
    versions = PerjanjianKinerja.objects.filter(tahun=tahun).prefetch_related(
        "targets__indikator", "anggaran__program"
    )
    context = {"renja": renja, "years": years(), "versions": versions, "form": form}
    return render(request, "performance/perjanjian.html", context)


@editor
def pengaturan(request):
    instance = None
    tahun = parse_number(request.GET.get("berlaku_mulai"), INT_MAX)
    if tahun is not None:
        instance = PengaturanCapaian.objects.filter(berlaku_mulai=tahun).first()
    form = PengaturanForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_pengaturan(form.save(commit=False), actor=request.user)
            messages.success(request, "Pengaturan capaian disimpan.")
            return redirect("performance:sakip_pengaturan")
        except SikapError as e:
            show_error(e, form)
    context = {"form": form, "rows": PengaturanCapaian.objects.all()}
    return render(request, "performance/pengaturan.html", context)


# Import


IMPORT_FIELDS = {RENJA: "renja", REALISASI: "realisasi", ANGGARAN: "program_budget", IKU: "iku"}


@editor
def import_page(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        tahun = form.cleaned_data["tahun"]
        if Renja.objects.filter(tahun=tahun).exists() and not form.cleaned_data["ganti"]:
            form.add_error(
                "ganti",
                f"Data SAKIP {tahun} sudah ada. Centang 'Ganti' untuk menggantinya seluruhnya "
                "(realisasi dan koreksi tahun itu ikut terhapus).",
            )
        elif too_big := [
            u.name
            for u in (form.cleaned_data[f] for f in IMPORT_FIELDS.values())
            if u and u.size > settings.SIKAP_IMPORT_MAX_BYTES
        ]:
            limit = settings.SIKAP_IMPORT_MAX_BYTES // 1024 // 1024
            form.add_error(None, f"Berkas lebih besar dari {limit} MB: {', '.join(too_big)}.")
        else:
            files = {
                kind: (upload.name, upload.read())
                for kind, field in IMPORT_FIELDS.items()
                if (upload := form.cleaned_data[field])
            }
            try:
                operasi = import_runs.start(
                    files,
                    user=request.user,
                    tahun=tahun,
                    renstra=form.cleaned_data["renstra"],
                    ganti=form.cleaned_data["ganti"],
                )
            except SikapError as e:
                show_error(e, form)
            else:
                return redirect("core:operasi", operasi.pk)
    return render(request, "performance/import.html", {"form": form})
