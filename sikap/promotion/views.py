"""e-Pangkat pages: the periods, a period's eligibility list per OPD, its proposals by status,
one proposal (documents, verification, steps, SK, timeline), the dashboard, the SIASN export
and "KP saya" for the pegawai."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from sikap.accounts import access
from sikap.core.errors import Kode, SikapError
from sikap.core.inbox_views import after_decision
from sikap.core.views import refuse
from sikap.documents.models import Dokumen
from sikap.org.forms import OpdFilterForm
from sikap.people.models import Pegawai
from sikap.promotion import dashboard, export, selectors, services
from sikap.promotion.flows import FLOW
from sikap.promotion.forms import (
    LangkahForm,
    PeriksaForm,
    PertekForm,
    PilihForm,
    SkForm,
    UnggahForm,
    UsulanForm,
)
from sikap.promotion.models import BerkasUsulan, PeriodeKp, UsulanKp

OPD_ONLY = "Berkas usul dilengkapi oleh admin OPD pengusul, tidak untuk usul sendiri."
BKD_ONLY = "Berkas usul diperiksa petugas BKD, tidak oleh pengusul atau pemiliknya."
REFUSED = "e-Pangkat hanya untuk staf BKD, pimpinan dan admin OPD."
S = UsulanKp.Status
BUTTONS = ("ajukan", "ajukan_ulang", "lengkap", "teruskan", "serahkan")
SIMPLE_STEPS = ("ajukan", "ajukan_ulang", "kembalikan", "lengkap", "teruskan", "serahkan",
                "batalkan")  # fmt: skip


def _opd_filter(request):
    form = OpdFilterForm(request.GET or None, opds=access.opds_to_filter_by(request.user))
    opd = form.cleaned_data["opd"] if form.is_bound and form.is_valid() else None
    return form, opd


@require_GET
def index(request):
    if not access.may_work_kp(request.user):
        return refuse(request, REFUSED)
    periods = list(PeriodeKp.objects.all()[:36])
    counts = dashboard.counts_per_period(UsulanKp.objects.visible_to(request.user))
    rows = [(p, counts.get(p.pk, 0)) for p in periods]
    return render(request, "promotion/index.html", {"rows": rows, "today": timezone.localdate()})


@require_GET
def periode(request, pk):
    """The eligibility list of a period: eligible (with each requirement's date) and nearly
    eligible (with what is missing), per OPD."""
    user = request.user
    if not access.may_work_kp(user):
        return refuse(request, REFUSED)
    periode = get_object_or_404(PeriodeKp, pk=pk)
    form, opd = _opd_filter(request)
    people = Pegawai.objects.visible_to(user)
    if not access.sees_all_opd(user):  # an admin OPD: their own OPDs, as in the filter
        people = people.filter(opd__in=access.opds_to_filter_by(user))
    if opd is not None:
        people = people.filter(opd=opd)
    calon = selectors.daftar(periode, people)
    context = {
        "periode": periode,
        "form": form,
        "opd": opd,
        "memenuhi": [c for c in calon if c.memenuhi],
        "hampir": [c for c in calon if not c.memenuhi],
        "dipertimbangkan": selectors.considered(people).count(),
        "usul_form": UsulanForm(),
        "may_propose": access.is_admin_opd(user),
    }
    return render(request, "promotion/periode.html", context)


@require_POST
def buka(request, pk):
    user = request.user
    periode = get_object_or_404(PeriodeKp, pk=pk)
    if not access.is_admin_opd(user):
        return refuse(request, "Usul kenaikan pangkat dibuka oleh admin OPD.")
    form = UsulanForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(periode)
    pegawai = (
        Pegawai.objects.visible_to(user)
        .filter(nip="".join(form.cleaned_data["nip"].split()))
        .first()
    )
    if pegawai is None:
        messages.error(request, "Pegawai dengan NIP itu tidak ditemukan di OPD Anda.")
        return redirect(periode)
    c = form.cleaned_data
    try:
        usulan = services.buka_usulan(
            periode, pegawai, c["jenis"].kode, actor=user, alasan=c["alasan"],
            angka_kredit=c["angka_kredit"], angka_kredit_minimum=c["angka_kredit_minimum"],
        )  # fmt: skip
    except SikapError as e:
        return _refused(request, e, periode)
    messages.success(request, f"Usul KP {pegawai.nama} dibuat; lengkapi dokumennya lalu ajukan.")
    return redirect(usulan)


@require_GET
def daftar_usulan(request, pk):
    """Every proposal of the period the user sees, by status, with what is missing."""
    user = request.user
    if not access.may_work_kp(user):
        return refuse(request, REFUSED)
    periode = get_object_or_404(PeriodeKp, pk=pk)
    form, opd = _opd_filter(request)
    qs = UsulanKp.objects.visible_to(user).filter(periode=periode)
    if opd is not None:
        qs = qs.filter(opd=opd)
    rows = list(qs.select_related("pegawai", "opd", "jenis").order_by("opd__nama", "pegawai__nama"))
    counts = selectors.berkas_counts(qs)
    sections = [
        (state, label, [(u, counts.get(u.pk, {})) for u in rows if u.state == state])
        for state, label in S.choices
    ]
    context = {
        "periode": periode,
        "form": form,
        "opd": opd,
        "sections": sections,
        "jumlah": len(rows),
    }
    return render(request, "promotion/usulan_daftar.html", context)


def _refused(request, error: SikapError, target, subject: str = ""):
    """A refusal of the role is the refusal page (403); anything else one message on the page,
    naming `subject` (the document row) when given. A field error that repeats the message
    (most do) is said once."""
    if error.code == Kode.TIDAK_BERHAK:
        return refuse(request, error.message)
    parts = [error.message]
    parts += [m for ms in error.errors.values() for m in ms if m not in parts]
    text = " ".join(parts)
    named = subject and not text.startswith(subject)
    messages.error(request, f"{subject}: {text}" if named else text)
    return redirect(target)


def _get(request, pk) -> UsulanKp:
    return access.get_usulan_kp_for_user(request.user, pk)


@require_GET
def usulan(request, pk):
    usulan = _get(request, pk)
    user = request.user
    actions = {t.name for t in FLOW.available(usulan, user)}
    berkas = list(
        usulan.berkas.filter(aktif=True).select_related(
            "syarat__jenis_dokumen", "dokumen", "diperiksa_oleh"
        )
    )
    editable = usulan.state in services.EDITABLE and access.may_complete_usulan_kp(user, usulan)
    arsip = {}
    if editable:
        # A document attached to a row already (this one, or the other SKP year's) is not
        # offered again: it would put last year's SKP where this year's belongs.
        docs = (
            Dokumen.objects.current()
            .filter(pegawai=usulan.pegawai)
            .exclude(state=Dokumen.Status.DITOLAK)
            .exclude(pk__in=[b.dokumen_id for b in berkas if b.dokumen_id])
        )
        for d in docs.select_related("jenis"):
            arsip.setdefault(d.jenis_id, []).append(d)
    riwayat_btl = usulan.berkas.filter(aktif=False, status=BerkasUsulan.Status.BTL).select_related(
        "syarat__jenis_dokumen", "diperiksa_oleh"
    )
    context = {
        "usulan": usulan,
        "hasil": selectors.hasil_for(usulan.pegawai, usulan.periode, usulan.jenis.kode,
                                     **_pak(usulan)) if usulan.pegawai.golongan else None,
        "berkas": [(b, arsip.get(b.syarat.jenis_dokumen_id, [])) for b in berkas],
        "riwayat_btl": riwayat_btl,
        "editable": editable,
        "may_verify": usulan.state == S.DIAJUKAN and access.may_verify_usulan_kp(user, usulan),
        "may_files": access.may_read_personal_files(user, usulan.pegawai),
        "actions": actions,
        "buttons": [(n, FLOW.get(n).label) for n in BUTTONS if n in actions],
        "langkah": LangkahForm(initial={"version": usulan.version}),
        "pertek": PertekForm(initial={"version": usulan.version, "nomor": usulan.pertek_nomor,
                                      "tanggal": usulan.pertek_tanggal}),
        "sk": SkForm(initial={"version": usulan.version, "tmt": usulan.periode.tanggal,
                              "golongan": usulan.golongan_tujuan}),
        "unggah": UnggahForm(),
        "timeline": usulan.timeline(),
    }  # fmt: skip
    return render(request, "promotion/usulan.html", context)


def _pak(usulan: UsulanKp) -> dict:
    if usulan.jenis.kode != "fungsional":
        return {}
    return {
        "angka_kredit": usulan.angka_kredit,
        "angka_kredit_minimum": usulan.angka_kredit_minimum,
    }


def _berkas(usulan, bid) -> BerkasUsulan:
    return get_object_or_404(
        BerkasUsulan.objects.select_related("syarat__jenis_dokumen"), pk=bid, usulan=usulan
    )


@require_POST
def unggah(request, pk, bid):
    usulan = _get(request, pk)
    if not access.may_complete_usulan_kp(request.user, usulan):
        return refuse(request, OPD_ONLY)
    berkas = _berkas(usulan, bid)
    form = UnggahForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Pilih berkas untuk diunggah.")
        return redirect(usulan)
    try:
        services.unggah_dokumen(berkas, form.cleaned_data["berkas"], actor=request.user)
    except SikapError as e:
        return _refused(request, e, usulan, subject=berkas.syarat.nama)
    messages.success(request, f"{berkas.syarat.nama} diunggah dan dilampirkan.")
    return redirect(usulan)


@require_POST
def pilih(request, pk, bid):
    usulan = _get(request, pk)
    if not access.may_complete_usulan_kp(request.user, usulan):
        return refuse(request, OPD_ONLY)
    berkas = _berkas(usulan, bid)
    form = PilihForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Pilih dokumen dari arsip.")
        return redirect(usulan)
    try:
        services.pilih_dokumen(berkas, form.cleaned_data["dokumen"], actor=request.user)
    except SikapError as e:
        return _refused(request, e, usulan)
    messages.success(request, f"{berkas.syarat.nama} dilampirkan dari arsip digital.")
    return redirect(usulan)


@require_POST
def periksa(request, pk, bid):
    usulan = _get(request, pk)
    if not access.may_verify_usulan_kp(request.user, usulan):
        return refuse(request, BKD_ONLY)
    berkas = _berkas(usulan, bid)
    nama = berkas.syarat.nama
    back = f"{usulan.get_absolute_url()}#dok-{berkas.pk}"  # the document's row, not the top
    form = PeriksaForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"{nama}: pilih terima atau BTL.")
        return redirect(back)
    try:
        done = services.periksa_berkas(
            berkas, diterima=form.cleaned_data["keputusan"] == "diterima",
            alasan=form.cleaned_data["alasan"], actor=request.user,
        )  # fmt: skip
    except SikapError as e:
        return _refused(request, e, back, subject=nama)
    if done.status == BerkasUsulan.Status.DITERIMA:
        messages.success(request, f"{nama} diterima.")
    else:
        messages.warning(request, f"{nama} dikembalikan (BTL): {done.alasan}")
    return redirect(back)


@require_POST
def langkah(request, pk, name):
    usulan = _get(request, pk)
    if name not in SIMPLE_STEPS:
        return refuse(request, "Langkah tidak dikenal.", status=404)
    form = LangkahForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    try:
        result = services.jalankan(
            usulan, name, actor=request.user, reason=data.get("alasan") or "",
            version=data.get("version"),
        )  # fmt: skip
    except SikapError as e:
        if e.code == Kode.TIDAK_BERHAK:
            return refuse(request, e.message)
        messages.error(request, e.message)
        return after_decision(request, usulan.get_absolute_url(), ok=False)
    # Named, because from the inbox the next page shown is the next case, not this one.
    messages.success(
        request, f"Usul KP {usulan.pegawai.nama} kini berstatus {result.get_state_display()}."
    )
    return after_decision(request, usulan.get_absolute_url())


@require_POST
def pertek(request, pk):
    usulan = _get(request, pk)
    if not access.may_verify_usulan_kp(request.user, usulan):
        return refuse(request, BKD_ONLY)
    form = PertekForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Isi nomor dan tanggal pertek BKN dengan benar.")
        return redirect(usulan)
    try:
        services.catat_pertek(
            usulan, nomor=form.cleaned_data["nomor"], tanggal=form.cleaned_data["tanggal"],
            actor=request.user, version=form.cleaned_data["version"],
        )  # fmt: skip
    except SikapError as e:
        return _refused(request, e, usulan)
    messages.success(request, "Pertek BKN dicatat.")
    return redirect(usulan)


@require_POST
def sk(request, pk):
    usulan = _get(request, pk)
    if not access.may_record_kp_sk(request.user, usulan):
        return refuse(
            request, "SK kenaikan pangkat dicatat oleh admin BKD, tidak untuk data sendiri."
        )
    form = SkForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(usulan)
    c = form.cleaned_data
    try:
        services.catat_sk(
            usulan, nomor=c["nomor"], tanggal=c["tanggal"], tmt=c["tmt"], golongan=c["golongan"],
            mkg_tahun=c["mkg_tahun"], mkg_bulan=c["mkg_bulan"], berkas=c["berkas"],
            actor=request.user, version=c["version"],
        )  # fmt: skip
    except SikapError as e:
        return _refused(request, e, usulan)
    messages.success(request, "SK dicatat: riwayat pangkat, gaji dan data terkini diperbarui.")
    return redirect(usulan)


@require_GET
def dasbor(request, pk):
    if not access.may_work_kp(request.user):
        return refuse(request, REFUSED)
    periode = get_object_or_404(PeriodeKp, pk=pk)
    qs = UsulanKp.objects.visible_to(request.user).filter(periode=periode)
    return render(request, "promotion/dasbor.html", {"periode": periode, **dashboard.summary(qs)})


@require_GET
def ekspor(request, pk):
    if not access.may_work_kp(request.user):
        return refuse(request, REFUSED)
    periode = get_object_or_404(PeriodeKp, pk=pk)
    _, opd = _opd_filter(request)
    qs = UsulanKp.objects.visible_to(request.user).filter(periode=periode)
    return export.siasn_response(periode, qs if opd is None else qs.filter(opd=opd))


@require_GET
def saya(request):
    user = request.user
    rows = (
        UsulanKp.objects.filter(pegawai_id=user.pegawai_id).select_related("periode", "jenis")
        if user.pegawai_id
        else UsulanKp.objects.none()
    )
    items = [(u, u.timeline()) for u in rows.order_by("-periode__tanggal")]
    return render(request, "promotion/saya.html", {"items": items})
