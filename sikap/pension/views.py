"""SIMANTUN TANDUK pages: the projection list (a window of months, per OPD or BKD-wide), the
yearly projection with its chart, the calculator, the files (list, open, one file with its
checklist and steps, the DPCP), the pegawai's own tracker, and a pegawai's own BUP."""

from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sikap.accounts import access
from sikap.core import inbox_views
from sikap.core.errors import Kode, SikapError
from sikap.core.views import refuse
from sikap.documents.models import Dokumen
from sikap.pension import kependudukan, selectors, services
from sikap.pension.dpcp import dpcp_pdf
from sikap.pension.flows import FLOW
from sikap.pension.forms import (
    AlasanForm,
    BukaForm,
    BupForm,
    KalkulatorForm,
    PertekForm,
    ProyeksiForm,
    SkForm,
    UnggahForm,
)
from sikap.pension.models import BerkasPensiun, BupPegawai, LampiranBerkas
from sikap.pension.tracker import tracker
from sikap.people.models import Pegawai
from sikap.reports.pdf import pdf_response
from sikap.rules import RuleError
from sikap.rules.pension import bup_kategori, hitung

REFUSED = "Proyeksi dan berkas pensiun untuk staf BKD, pimpinan, perencana dan admin OPD."
S = BerkasPensiun.Status


def _people(user, opd=None):
    qs = selectors.candidates().filter(pk__in=Pegawai.objects.visible_to(user).values("pk"))
    return qs.filter(opd=opd) if opd is not None else qs


@require_GET
def daftar(request):
    """Who reaches BUP in the window (default 15 months), with their file where one is open."""
    user = request.user
    if not access.may_see_pension_projection(user):
        return refuse(request, REFUSED)
    today = timezone.localdate()
    form = ProyeksiForm(request.GET or None, opds=access.opds_to_filter_by(user))
    months, opd = selectors.window_months(), None
    if form.is_bound and form.is_valid():
        months = form.cleaned_data["bulan"] or months
        opd = form.cleaned_data["opd"]
    rows, problems = selectors.due(_people(user, opd), today, months)
    files = {
        b.pegawai_id: b
        for b in BerkasPensiun.objects.visible_to(user)
        .exclude(state=S.DIBATALKAN)
        .filter(pegawai_id__in=[r.pegawai.pk for r in rows])
    }
    context = {
        "form": form, "rows": [(r, files.get(r.pegawai.pk)) for r in rows], "masalah": problems,
        "bulan": months, "opd": opd, "hari_ini": today,
        "may_open": access.is_admin_opd(user) or access.is_admin_bkd(user),
    }  # fmt: skip
    return render(request, "pension/daftar.html", context)


@require_GET
def proyeksi(request):
    """Who leaves in each of the next years, by OPD and by position, with a chart."""
    user = request.user
    if not access.may_see_pension_projection(user):
        return refuse(request, REFUSED)
    today = timezone.localdate()
    form = ProyeksiForm(request.GET or None, opds=access.opds_to_filter_by(user))
    opd = form.cleaned_data["opd"] if form.is_bound and form.is_valid() else None
    data = selectors.yearly(_people(user, opd), today)
    chart = {
        "labels": [str(y) for y in data.tahun],
        "datasets": [{"label": name, "data": counts} for name, counts in data.per_jenis],
    }
    context = {"form": form, "data": data, "chart": chart, "opd": opd, "hari_ini": today}
    return render(request, "pension/proyeksi.html", context)


@require_GET
def kalkulator(request):
    if not access.may_use_pension_calculator(request.user):
        return refuse(request, "Masuk lebih dulu untuk memakai kalkulator pensiun.")
    today = timezone.localdate()
    own = request.user.pegawai if request.user.pegawai_id else None
    initial = {}
    if own is not None:
        bup, _ = selectors.bup_of(own)
        initial = {"tanggal_lahir": own.tanggal_lahir, "bup": bup}
    form = KalkulatorForm(request.GET or None, initial=initial)
    hasil, error = None, ""
    if form.is_bound and form.is_valid():
        c = form.cleaned_data
        try:
            bup = c["bup"] or bup_kategori(c["kategori"])
            hasil = hitung(c["tanggal_lahir"], bup, today)
        except RuleError as e:
            error = e.message
    return render(
        request,
        "pension/kalkulator.html",
        {"form": form, "hasil": hasil, "error": error, "hari_ini": today},
    )


@require_GET
def berkas_list(request):
    user = request.user
    if not access.may_work_pension_files(user):
        return refuse(request, REFUSED)
    qs = BerkasPensiun.objects.visible_to(user).select_related("pegawai__opd")
    state = request.GET.get("status", "")
    if state in S.values:
        qs = qs.filter(state=state)
    counts = dict(
        BerkasPensiun.objects.visible_to(user).values_list("state").annotate(n=Count("pk"))
    )
    context = {
        "files": qs.order_by("tmt_pensiun", "pegawai__nama")[:500],
        "states": [(s, label, counts.get(s, 0)) for s, label in S.choices],
        "status": state,
        "may_open": access.is_admin_opd(user) or access.is_admin_bkd(user),
    }
    return render(request, "pension/berkas_list.html", context)


@require_http_methods(["GET", "POST"])
def buka(request):
    user = request.user
    if not (access.is_admin_opd(user) or access.is_admin_bkd(user)):
        return refuse(request, "Berkas pensiun dibuka oleh admin OPD atau admin BKD.")
    form = BukaForm(request.POST or None, initial={"nip": request.GET.get("nip", "")})
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        try:
            pegawai = access.get_pegawai_for_user(user, c["nip"])
            berkas = services.open_file(
                pegawai, c["jenis"], actor=user, tmt=c["tmt"], keterangan=c["keterangan"]
            )
        except Http404:
            form.add_error("nip", "Pegawai dengan NIP ini tidak ditemukan di OPD Anda.")
        except SikapError as e:
            for name, errors in (e.errors or {}).items():
                if name in form.fields:
                    for msg in errors:
                        form.add_error(name, msg)
            if not e.errors or not set(e.errors) & set(form.fields):
                form.add_error(None, e.message)
        else:
            messages.success(request, f"Berkas pensiun {berkas.pegawai.nama} dibuka.")
            return redirect(berkas)
    return render(request, "pension/buka.html", {"form": form})


def _get(request, pk) -> BerkasPensiun:
    return access.get_berkas_pensiun_for_user(request.user, pk)


@require_GET
def detail(request, pk):
    berkas = _get(request, pk)
    user = request.user
    if access.is_own_record(user, berkas.pegawai_id) and not access.may_work_pension_files(user):
        return redirect("pension:saya")
    items = list(berkas.lampiran.select_related("jenis_dokumen", "dokumen"))
    archive = {}
    for d in (
        Dokumen.objects.filter(pegawai_id=berkas.pegawai_id, aktif=True)
        .exclude(state=Dokumen.Status.DITOLAK)
        .order_by("-uploaded_at")
    ):
        archive.setdefault(d.jenis_id, []).append(d)
    actions = {t.name for t in FLOW.available(berkas, user)}
    assembling = (
        access.may_assemble_pension_file(user, berkas) and berkas.state in services.ASSEMBLING
    )
    context = {
        "berkas": berkas,
        "items": [(i, archive.get(i.jenis_dokumen_id, [])) for i in items],
        "perbedaan": berkas.perbedaan.all(),
        "actions": actions,
        "assembling": assembling,
        "reviewing": berkas.state == S.DIAJUKAN and access.may_verify_pension_file(user, berkas),
        "may_recheck": berkas.is_open and access.may_verify_pension_file(user, berkas),
        "may_read_files": access.may_read_personal_files(user, berkas.pegawai),
        "timeline": berkas.timeline(),
        "langkah": tracker(berkas),
        "pertek_form": PertekForm(initial={"version": berkas.version}),
        "sk_form": SkForm(initial={"version": berkas.version, "tmt": berkas.tmt_pensiun}),
        "alasan_form": AlasanForm(initial={"version": berkas.version}),
        "unggah_form": UnggahForm(),
    }
    return render(request, "pension/detail.html", context)


def _version(request) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


@require_POST
def aksi(request, pk):
    """One step on a file: a workflow step (with its data where it has some), or the
    registry check again, or attaching what the digital file now holds."""
    berkas = _get(request, pk)
    user, name = request.user, request.POST.get("aksi", "")
    version = _version(request)
    try:
        if name == "pertek":
            form = PertekForm(request.POST)
            form.is_valid()
            c = form.cleaned_data
            services.record_pertek(berkas, actor=user, nomor=c.get("nomor", ""),
                                   tanggal=c.get("tanggal"), expected_version=version)  # fmt: skip
            done = "Pertek BKN dicatat."
        elif name == "sk":
            form = SkForm(request.POST, request.FILES)
            form.is_valid()
            c = form.cleaned_data
            services.record_sk(
                berkas, actor=user, nomor=c.get("nomor", ""), tanggal=c.get("tanggal"),
                tmt=c.get("tmt"), uploaded_file=c.get("berkas"), expected_version=version,
            )  # fmt: skip
            done = "SK pensiun dicatat."
        elif name == "cek":
            status = kependudukan.recheck(berkas, actor=user, request=request)
            done = f"Pemeriksaan data kependudukan: {BerkasPensiun.Cek(status).label}."
        elif name == "arsip":
            count = services.refresh_from_archive(berkas, actor=user)
            done = f"{count} dokumen diambil dari arsip digital."
        elif name == "konfirmasi_dpcp":
            services.confirm_dpcp(berkas, actor=user, expected_version=version)
            done = "DPCP dikonfirmasi."
        elif name == "ajukan":
            services.submit(berkas, actor=user, expected_version=version)
            done = "Berkas diajukan ke BKD."
        elif name == "kembalikan":
            services.send_back(berkas, actor=user, reason=request.POST.get("alasan", ""),
                               expected_version=version)  # fmt: skip
            done = "Berkas dikembalikan ke admin OPD."
        else:
            moved = services.step(berkas, name, actor=user, reason=request.POST.get("alasan", ""),
                                  expected_version=version)  # fmt: skip
            done = f"{FLOW.get(name).label}: berhasil. Status: {moved.get_status_display()}."
    except SikapError as e:
        messages.error(request, e.message)
        ok = False
    else:
        messages.success(request, done)
        ok = True
    if access.is_own_record(user, berkas.pegawai_id) and not access.may_work_pension_files(user):
        return redirect("pension:saya")
    return inbox_views.after_decision(request, berkas.get_absolute_url(), ok=ok)


@require_POST
def lampiran(request, pk, item):
    """One checklist item: upload, attach from the digital file, or the BKD's verdict."""
    berkas = _get(request, pk)
    row = get_object_or_404(
        LampiranBerkas.objects.select_related("jenis_dokumen"), pk=item, berkas=berkas
    )
    row.berkas = berkas
    user, name = request.user, request.POST.get("aksi", "")
    try:
        if name == "unggah":
            form = UnggahForm(request.POST, request.FILES)
            if not form.is_valid():
                raise SikapError(Kode.DATA_TIDAK_VALID, "Pilih berkas yang akan diunggah.")
            services.upload(row, form.cleaned_data["berkas"], actor=user)
            done = f"{row.jenis_dokumen.nama} diunggah dan dilampirkan."
        elif name == "lampirkan":
            dokumen_id = request.POST.get("dokumen", "")
            dokumen = (
                Dokumen.objects.visible_to(user)
                .filter(pk=int(dokumen_id) if dokumen_id.isdigit() else 0)
                .first()
            )
            if dokumen is None:
                raise SikapError(Kode.DATA_TIDAK_VALID, "Pilih dokumen dari arsip digital.")
            services.attach(row, dokumen, actor=user)
            done = f"{row.jenis_dokumen.nama} dilampirkan."
        elif name in ("terima", "kembalikan"):
            services.review(
                row, actor=user, accept=name == "terima", reason=request.POST.get("alasan", "")
            )
            done = (
                f"{row.jenis_dokumen.nama}: {'diterima' if name == 'terima' else 'dikembalikan'}."
            )
        else:
            raise SikapError(Kode.DATA_TIDAK_VALID, "Aksi tidak dikenal.")
    except SikapError as e:
        messages.error(request, e.message)
    else:
        messages.success(request, done)
    return redirect(f"{berkas.get_absolute_url()}#lampiran-{row.pk}")


@require_GET
def dpcp(request, pk):
    berkas = _get(request, pk)
    if not access.may_read_personal_files(request.user, berkas.pegawai):
        return refuse(request, access.PERSONAL_FILES_REFUSAL)
    return pdf_response(dpcp_pdf(berkas), f"DPCP-{berkas.pegawai.nip}.pdf", inline=False)


@require_GET
def saya(request):
    """The pegawai's own pension: their TMT, and their file's progress like a parcel tracker."""
    user = request.user
    pegawai = user.pegawai if user.pegawai_id else None
    today = timezone.localdate()
    context = {"pegawai": pegawai, "hari_ini": today, "files": []}
    if pegawai is not None:
        context["proyeksi"] = selectors.project(pegawai, today)
        files = BerkasPensiun.objects.filter(pegawai=pegawai).order_by("-dibuka")
        context["files"] = [
            (b, tracker(b), {t.name for t in FLOW.available(b, user)}) for b in files
        ]
    return render(request, "pension/saya.html", context)


@require_http_methods(["GET", "POST"])
def bup(request, nip):
    """A pegawai's own BUP with its legal basis (admin BKD)."""
    pegawai = access.get_pegawai_for_user(request.user, nip)
    if not access.may_set_bup(request.user, pegawai):
        return refuse(request, "BUP khusus ditetapkan oleh admin BKD, tidak untuk diri sendiri.")
    current = BupPegawai.objects.filter(pegawai=pegawai).first()
    initial = {"bup": current.bup, "dasar_hukum": current.dasar_hukum} if current else {}
    form = BupForm(request.POST or None, initial=initial)
    if request.method == "POST":
        try:
            if request.POST.get("hapus"):
                services.clear_bup(pegawai, actor=request.user)
                messages.success(request, "BUP khusus dihapus; BUP mengikuti jabatan.")
                return redirect("pension:bup", nip=pegawai.nip)
            if form.is_valid():
                c = form.cleaned_data
                services.set_bup(pegawai, c["bup"], c["dasar_hukum"], actor=request.user)
                messages.success(request, f"BUP {pegawai.nama} ditetapkan {c['bup']} tahun.")
                return redirect("pension:bup", nip=pegawai.nip)
        except SikapError as e:
            form.add_error(None, e.message)
    context = {
        "pegawai": pegawai, "form": form, "current": current,
        "proyeksi": selectors.project(pegawai, timezone.localdate()),
    }  # fmt: skip
    return render(request, "pension/bup.html", context)
