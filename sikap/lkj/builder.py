"""One LKj as data: `build_lkj(year)` gathers every text and figure of the report into frozen
dataclasses of display strings, which both the DOCX and the PDF print as they are.

Every figure comes from the computations the rest of SIKAP shows: the IP ASN once from
`sikap.ipasn.engine.compute_ip_asn` (as `sikap ip-asn --json`), and that very result handed
to `sikap.performance.capaian.year_capaian` (as `sikap sakip capaian --json`), so a number
cannot differ between the index page, the SAKIP page and the report. The sentences about
them are made by the pure rule `sikap.rules.narasi`.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from sikap.core.errors import Kode, SikapError
from sikap.lkj.models import LkjTeks
from sikap.performance.capaian import IP_ASN_TOTAL, IkuResult, YearCapaian, year_capaian
from sikap.performance.models import IndikatorTarget, Renja
from sikap.performance.selectors import latest_agreement
from sikap.rules import RuleError, narasi

if TYPE_CHECKING:
    from sikap.lkj.charts import Chart
from sikap.rules.capaian import capaian as capaian_of
from sikap.rules.formatting import angka, persen, rupiah

LEVEL_NAMES = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}
TRIWULAN = ("I", "II", "III", "IV")
SISTEMATIKA = (
    ("Kata Pengantar, Daftar Isi dan Ikhtisar Eksekutif", "ringkasan capaian kinerja utama."),
    ("BAB I Pendahuluan", "latar belakang, maksud dan tujuan, gambaran umum organisasi, dasar "
     "hukum dan sistematika penulisan."),
    ("BAB II Perencanaan Kinerja", "ikhtisar Rencana Strategis, Rencana Kinerja Tahunan dengan "
     "formula indikator kinerja utama, dan Perjanjian Kinerja."),
    ("BAB III Akuntabilitas Kinerja", "capaian kinerja organisasi per sasaran strategis beserta "
     "analisisnya, dan realisasi anggaran."),
    ("BAB IV Penutup", "simpulan atas capaian kinerja."),
)  # fmt: skip
# How many earlier years the multi-year comparison looks back (PermenPANRB 53/2014: N-2, N-1).
EARLIER_YEARS = 2


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    kind: str = ""  # program, kegiatan, sub_kegiatan, jumlah, total: how the row is styled


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Formula:
    nomor: int
    nama: str
    rumus: str  # in words
    substitusi: str  # with this year's numbers
    nilai: str
    populasi: str


@dataclass(frozen=True)
class Analisis:
    """BAB III's analysis of one IKU indicator."""

    nomor: int
    indikator: str
    sasaran: str
    narasi: str  # against this year's target
    status: str | None  # narasi.Status value; None without a realisation
    status_text: str | None
    tahun_lalu: str | None  # against earlier years, when any has data
    renstra: str | None  # against the Renstra's final target, when it has one
    formula: Formula | None


@dataclass(frozen=True)
class Ttd:
    tempat_tanggal: str
    jabatan: str
    nama: str
    nip: str


@dataclass(frozen=True)
class Lkj:
    tahun: int
    instansi: str
    pemda: str
    alamat: str
    kata_pengantar: tuple[str, ...]
    ikhtisar: tuple[str, ...]
    latar_belakang: tuple[str, ...]
    maksud: tuple[str, ...]
    tujuan: tuple[str, ...]
    gambaran_umum: tuple[str, ...]
    tugas_pokok: tuple[str, ...]
    fungsi: tuple[str, ...]
    struktur: tuple[str, ...]
    dasar_hukum: tuple[str, ...]
    sistematika: tuple[tuple[str, str], ...]
    renstra_periode: str
    renstra_pengantar: tuple[str, ...]
    visi: tuple[str, ...]
    misi: tuple[str, ...]
    tujuan_renstra: tuple[str, ...]
    sasaran_renstra: tuple[str, ...]
    indikator_renstra: tuple[str, ...]
    kebijakan: tuple[str, ...]
    program_renstra: tuple[str, ...]
    rencana_tahunan: Table
    formulas: tuple[Formula, ...]
    renja: Table
    program_anggaran: Table
    pk_sasaran: Table
    pk_program: Table
    pk_keterangan: str
    capaian: Table
    analisis: tuple[Analisis, ...]
    ip_total: str | None
    multi_tahun: Table | None
    hambatan: tuple[str, ...]
    upaya: tuple[str, ...]
    anggaran: Table
    anggaran_narasi: str
    triwulan: Table
    penutup: tuple[str, ...]
    ttd: Ttd
    charts: tuple["Chart", ...]
    catatan: tuple[str, ...] = field(default=())


def _fmt(value: Decimal | None, decimals: int = 2) -> str:
    return "—" if value is None else angka(value, decimals)


def _k(value: Decimal | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = narasi.nilai(value)
    if not unit:
        return text
    return f"{text} %" if unit == "%" else f"{text} {unit}"


def _rp(value: Decimal | None) -> str:
    return "—" if value is None else angka(int(value))


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else persen(value)


def _ip_asn(year: int):
    """The year's IP ASN, or None (with why) when SIKAP cannot compute it."""
    try:
        from sikap.ipasn.engine import compute_ip_asn
    except ImportError:
        return None, "Modul IP ASN tidak tersedia."
    try:
        return compute_ip_asn(year), ""
    except SikapError as e:
        return None, e.message


def _formula(nomor: int, iku: IkuResult, ip) -> Formula | None:
    if ip is None or iku.source != "formula" or iku.formula == IP_ASN_TOTAL:
        return None
    sub = next((s for s in ip.sub_indices if s.code == iku.formula), None)
    if sub is None or sub.rounded is None:
        return None
    words = " + ".join(f"(Jumlah ASN {c.label} × {c.weight_text})" for c in sub.categories)
    return Formula(
        nomor=nomor,
        nama=sub.name,
        rumus=f"{{{words}}} / Jumlah ASN",
        substitusi=sub.formula,
        nilai=angka(sub.rounded, sub.decimals),
        populasi=f"Jumlah ASN (penyebut) = {angka(sub.population)}",
    )


def _ip_total(ip) -> str | None:
    if ip is None or ip.total is None:
        return None
    d = ip.config.decimals
    names = " + ".join(f"IP{n}" for n in range(1, len(ip.sub_indices) + 1))
    values = " + ".join(angka(s.rounded, d) for s in ip.sub_indices)
    kategori = f" (kategori {ip.kategori})" if ip.kategori else ""
    return f"IP ASN = {names} = {values} = {angka(ip.total, d)}{kategori}"


def _history(year: int, iku: tuple[IkuResult, ...], renstra):
    """({indikator target id: [(year, realisasi)]}, {target id: (final year, final target)}),
    only for years that have the indicator's target recorded in SIKAP."""
    targets = {t.pk: t for t in IndikatorTarget.objects.filter(pk__in=[i.id for i in iku])}
    by_indikator = {t.indikator_id: t.pk for t in targets.values()}
    rows = list(IndikatorTarget.objects.filter(indikator_id__in=list(by_indikator)))
    first = year - EARLIER_YEARS
    indikator_of = {r.pk: r.indikator_id for r in rows}
    earlier: dict[int, list] = {}
    for y in sorted({r.tahun for r in rows if first <= r.tahun < year}):
        for result in year_capaian(y).iku:
            mine = by_indikator.get(indikator_of.get(result.id))
            if mine is not None and result.realisasi is not None:
                earlier.setdefault(mine, []).append((y, result.realisasi))
    final = {}
    if renstra is not None:
        for r in rows:
            if r.tahun == renstra.tahun_akhir:
                final[by_indikator[r.indikator_id]] = (r.tahun, r.target)
    return earlier, final


def _analisis(year: int, result: YearCapaian, ip, renstra):
    earlier, final = _history(year, result.iku, renstra)
    items, statuses = [], []
    multi_rows, history_years = [], sorted({y for h in earlier.values() for y, _ in h})
    for n, i in enumerate(result.iku, start=1):
        formula = _formula(n, i, ip)
        if i.realisasi is None:
            text = f"{i.indicator}: realisasi belum tersedia. {i.note}".strip()
            items.append(Analisis(n, i.indicator, i.sasaran, text, None, None, None, None, formula))
            continue
        sentence = narasi.terhadap_target(
            i.indicator,
            i.target,
            i.realisasi,
            capaian=i.capaian,
            direction=i.direction,
            unit=i.unit,
        )
        statuses.append(sentence.status)
        past = narasi.terhadap_tahun_lalu(
            year, i.realisasi, earlier.get(i.id, ()), direction=i.direction, unit=i.unit
        )
        toward = None
        progress = None
        if i.id in final:
            final_year, final_target = final[i.id]
            try:
                progress = capaian_of(
                    final_target, i.realisasi, direction=i.direction, rule=result.rule
                )
            except RuleError:
                progress = None
            toward = narasi.terhadap_renstra(
                year,
                i.realisasi,
                final_target,
                final_year,
                capaian=progress,
                direction=i.direction,
                unit=i.unit,
            )
        items.append(
            Analisis(
                n,
                i.indicator,
                i.sasaran,
                sentence.teks,
                sentence.status.value,
                narasi.STATUS_TEXT[sentence.status],
                past,
                toward,
                formula,
            )
        )
        if past or toward:
            history = dict(earlier.get(i.id, ()))
            multi_rows.append(
                Row(
                    (
                        i.indicator,
                        *(_fmt(history.get(y)) for y in history_years),
                        _fmt(i.realisasi),
                        _fmt(final[i.id][1]) if i.id in final else "—",
                        _pct(progress),
                    )
                )
            )
    multi = None
    if multi_rows:
        final_label = "Target akhir Renstra"
        if renstra is not None:
            final_label += f" ({renstra.tahun_akhir})"
        multi = Table(
            (
                "Indikator",
                *(f"Realisasi {y}" for y in history_years),
                f"Realisasi {year}",
                final_label,
                "Capaian terhadap target akhir",
            ),
            tuple(multi_rows),
        )
    return tuple(items), statuses, multi


def _renja_table(result: YearCapaian) -> tuple[Table, Table]:
    rows, seen = [], set()
    for i in result.indicators:
        key = (i.level, i.code)
        first = key not in seen
        seen.add(key)
        rows.append(
            Row(
                (
                    i.code if first else "",
                    i.name if first else "",
                    i.indicator,
                    _k(i.target, i.unit),
                    _rp(i.anggaran),
                ),
                i.level,
            )
        )
    renja = Table(
        ("Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target K", "Anggaran (Rp)"),
        tuple(rows),
    )
    programs = [a for a in result.absorption if a.level == "program"]
    program_rows = [Row((p.code, p.name, rupiah(p.anggaran))) for p in programs]
    program_rows.append(Row(("", "Jumlah", rupiah(result.total.anggaran)), "total"))
    return renja, Table(("Kode", "Program", "Anggaran"), tuple(program_rows))


def _pk_tables(year: int, result: YearCapaian) -> tuple[Table, Table, str]:
    agreement = latest_agreement(year)
    sasaran_rows = [Row((i.sasaran or i.tujuan, i.indicator, _fmt(i.target))) for i in result.iku]
    agreed = {a.program.kode: a.anggaran for a in agreement.anggaran.all()} if agreement else {}
    programs = [a for a in result.absorption if a.level == "program"]
    program_rows = [Row((p.name, rupiah(agreed.get(p.code, p.anggaran)), "APBD")) for p in programs]
    total = sum((agreed.get(p.code, p.anggaran) for p in programs), Decimal(0))
    program_rows.append(Row(("Jumlah", rupiah(total), "APBD"), "total"))
    if agreement:
        signed = (
            f", ditandatangani {agreement.tanggal_tanda_tangan:%d-%m-%Y}"
            if agreement.tanggal_tanda_tangan
            else ""
        )
        note = (
            f"Perjanjian Kinerja tahun {year} versi {agreement.nomor_versi} "
            f"({agreement.get_jenis_display().lower()}{signed})."
        )
    else:
        note = f"Belum ada Perjanjian Kinerja tahun {year}: target dan anggaran dari Renja."
    return (
        Table(("Sasaran Strategis", "Indikator Kinerja", "Target"), tuple(sasaran_rows)),
        Table(("Program", "Anggaran", "Ket."), tuple(program_rows)),
        note,
    )


def _capaian_table(result: YearCapaian) -> Table:
    rows = []
    for n, i in enumerate(result.iku, start=1):
        rows.append(
            Row(
                (
                    str(n),
                    i.sasaran or i.tujuan,
                    i.indicator,
                    i.unit or "—",
                    _fmt(i.target),
                    _fmt(i.realisasi),
                    _pct(i.capaian),
                ),
                "" if i.sasaran else "program",
            )
        )
    return Table(
        (
            "No",
            "Sasaran Strategis",
            "Indikator Kinerja",
            "Satuan",
            "Target",
            "Realisasi",
            "% Capaian",
        ),
        tuple(rows),
    )


def _budget_table(result: YearCapaian) -> Table:
    rows = [
        Row((p.code, p.name, rupiah(p.anggaran), rupiah(p.realisasi), _pct(p.persen)))
        for p in result.absorption
        if p.level == "program"
    ]
    t = result.total
    rows.append(
        Row(("", "Jumlah", rupiah(t.anggaran), rupiah(t.realisasi), _pct(t.persen)), "total")
    )
    return Table(("Kode", "Program", "Anggaran", "Realisasi", "%"), tuple(rows))


def _quarterly_table(result: YearCapaian) -> Table:
    """Program, kegiatan and sub kegiatan with every indicator's K per quarter. Money is spent
    in the sub kegiatan, so their rows carry Rp; a program's or kegiatan's Rp is one 'Jumlah'
    row summed from its sub kegiatan (docs/sakip.md), never the split of its indicator rows."""
    own: dict[tuple[str, str], list] = {}
    for i in result.indicators:
        own.setdefault((i.level, i.code), []).append(i)
    rows = []
    for node in result.absorption:
        indicators = own.get((node.level, node.code), [])
        money = node.level == "sub_kegiatan"
        for n, i in enumerate(indicators):
            quarters = []
            for q in i.quarters:
                quarters += [_k(q.k, i.unit), _rp(q.rp) if money else ""]
            rows.append(
                Row(
                    (
                        node.code if n == 0 else "",
                        node.name if n == 0 else "",
                        i.indicator,
                        _k(i.target, i.unit),
                        _rp(i.anggaran) if money else "",
                        *quarters,
                        _k(i.realisasi, i.unit),
                        _rp(i.realisasi_rp) if money else "",
                        _pct(i.capaian),
                    ),
                    node.level,
                )
            )
        if not indicators and money:
            rows.append(
                Row((node.code, node.name, "", "", _rp(node.anggaran), *[""] * 11), node.level)
            )
        if node.level in ("program", "kegiatan"):
            quarters = []
            for q in node.quarters:
                quarters += ["", _rp(q)]
            label = f"Jumlah {LEVEL_NAMES[node.level].lower()} {node.code}"
            rows.append(
                Row(
                    (
                        "",
                        label,
                        "",
                        "",
                        _rp(node.anggaran),
                        *quarters,
                        "",
                        _rp(node.realisasi),
                        _pct(node.persen),
                    ),
                    "jumlah",
                )
            )
    t = result.total
    quarters = []
    for q in t.quarters:
        quarters += ["", _rp(q)]
    rows.append(
        Row(
            (
                "",
                "JUMLAH",
                "",
                "",
                _rp(t.anggaran),
                *quarters,
                "",
                _rp(t.realisasi),
                _pct(t.persen),
            ),
            "total",
        )
    )
    headers = (
        "Kode",
        "Program/Kegiatan/Sub Kegiatan",
        "Indikator",
        "Target K",
        "Target Rp",
        *[f"TW {r} {c}" for r in TRIWULAN for c in ("K", "Rp")],
        "Realisasi K",
        "Realisasi Rp",
        "Capaian",
    )
    return Table(headers, tuple(rows))


def _renstra(year: int):
    renja = Renja.objects.filter(tahun=year).select_related("renstra").first()
    if renja is None:
        raise SikapError(Kode.TIDAK_DITEMUKAN, f"Belum ada data SAKIP (Renja) tahun {year}.")
    renstra = renja.renstra
    tujuan, sasaran, indikator = [], [], []
    if renstra is not None:
        for t in renstra.tujuan.prefetch_related("sasaran", "indikator").all():
            tujuan.append(t.nama)
            sasaran += [s.nama for s in t.sasaran.all()]
            indikator += [i.nama for i in t.indikator.all()]
    programs = []
    for p in renja.program.prefetch_related("kegiatan__sub_kegiatan").all():
        programs.append(f"{p.nama}")
        for k in p.kegiatan.all():
            subs = "; ".join(s.nama for s in k.sub_kegiatan.all())
            programs.append(f"— Kegiatan {k.nama}" + (f": {subs}" if subs else ""))
    return renstra, tuple(tujuan), tuple(sasaran), tuple(indikator), tuple(programs)


def _ikhtisar(year, teks, result, statuses, ip) -> tuple[str, ...]:
    out = list(teks.paragraphs("ikhtisar_pengantar"))
    if result.iku:
        out.append(
            f"Pada tahun {year} Badan Kepegawaian Daerah mengukur kinerjanya dengan "
            f"{len(result.iku)} indikator kinerja utama; {narasi.ringkasan(statuses)}."
        )
    if ip is not None and ip.total is not None:
        head = next((i for i in result.iku if i.formula == IP_ASN_TOTAL), None)
        target = f" dari target {_fmt(head.target)} (capaian {_pct(head.capaian)})" if head else ""
        kategori = f" (kategori {ip.kategori})" if ip.kategori else ""
        out.append(
            f"Indeks Profesionalitas ASN tahun {year} sebesar {angka(ip.total, ip.config.decimals)}"
            f"{kategori}{',' if target else ''}{target}."
        )
    for i in result.iku:
        if i.formula != IP_ASN_TOTAL and i.realisasi is not None:
            out.append(
                narasi.terhadap_target(
                    i.indicator,
                    i.target,
                    i.realisasi,
                    capaian=i.capaian,
                    direction=i.direction,
                    unit=i.unit,
                ).teks
            )
    t = result.total
    out.append(
        f"Anggaran tahun {year} sebesar {rupiah(t.anggaran)} terealisasi {rupiah(t.realisasi)} "
        f"({_pct(t.persen)})."
    )
    return tuple(out)


def _anggaran_narasi(year: int, result: YearCapaian) -> str:
    t = result.total
    low = [p for p in result.absorption if p.level == "program" and p.persen is not None]
    lowest = min(low, key=lambda p: p.persen) if low else None
    text = (
        f"Total anggaran Badan Kepegawaian Daerah tahun {year} sebesar {rupiah(t.anggaran)} "
        f"dengan realisasi sampai dengan triwulan IV sebesar {rupiah(t.realisasi)} "
        f"({_pct(t.persen)}), sisa anggaran {rupiah(t.anggaran - t.realisasi)}."
    )
    if lowest is not None:
        text += f" Penyerapan terendah pada {lowest.name} ({_pct(lowest.persen)})."
    return text


def build_lkj(year: int) -> Lkj:
    teks = LkjTeks.for_year(year)
    renstra, tujuan, sasaran, indikator, programs = _renstra(year)
    ip, ip_note = _ip_asn(year)
    # The very IP ASN result above feeds the capaian, so the two can never disagree.
    result = year_capaian(year, ip_asn=ip)
    analisis, statuses, multi = _analisis(year, result, ip, renstra)
    renja, program_anggaran = _renja_table(result)
    pk_sasaran, pk_program, pk_note = _pk_tables(year, result)
    notes = [f"IP ASN tidak dihitung: {ip_note}"] if ip is None else []
    notes += [f"{i.indicator}: {i.note}" for i in result.iku if i.note]
    periode = f"{renstra.tahun_awal}–{renstra.tahun_akhir}" if renstra else ""
    # Matplotlib loads only when a report is built, not when the site starts.
    from sikap.lkj.charts import budget_chart, capaian_chart

    charts = (
        capaian_chart(
            year,
            [(a.indikator, i.capaian, a.status) for i, a in zip(result.iku, analisis, strict=True)],
        ),
        budget_chart(
            year,
            [(p.name, p.quarters) for p in result.absorption if p.level == "program"],
            result.total.anggaran,
        ),
    )
    return Lkj(
        tahun=year,
        instansi=teks.nama_instansi,
        pemda=teks.pemerintah_daerah,
        alamat=teks.alamat,
        kata_pengantar=tuple(teks.paragraphs("kata_pengantar")),
        ikhtisar=_ikhtisar(year, teks, result, statuses, ip),
        latar_belakang=tuple(teks.paragraphs("latar_belakang")),
        maksud=tuple(teks.paragraphs("maksud")),
        tujuan=tuple(teks.paragraphs("tujuan")),
        gambaran_umum=tuple(teks.paragraphs("gambaran_umum")),
        tugas_pokok=tuple(teks.paragraphs("tugas_pokok")),
        fungsi=tuple(teks.items("fungsi")),
        struktur=tuple(teks.items("struktur_organisasi")),
        dasar_hukum=tuple(teks.items("dasar_hukum")),
        sistematika=SISTEMATIKA,
        renstra_periode=periode,
        renstra_pengantar=tuple(teks.paragraphs("renstra_pengantar")),
        visi=tuple(teks.paragraphs("visi")),
        misi=tuple(teks.items("misi")),
        tujuan_renstra=tujuan,
        sasaran_renstra=sasaran,
        indikator_renstra=indikator,
        kebijakan=tuple(teks.items("kebijakan")),
        program_renstra=programs,
        rencana_tahunan=Table(
            ("Tujuan", "Sasaran", "Indikator", "Target"),
            tuple(
                Row((i.tujuan, i.sasaran or "—", i.indicator, _fmt(i.target))) for i in result.iku
            ),
        ),
        formulas=tuple(a.formula for a in analisis if a.formula),
        renja=renja,
        program_anggaran=program_anggaran,
        pk_sasaran=pk_sasaran,
        pk_program=pk_program,
        pk_keterangan=pk_note,
        capaian=_capaian_table(result),
        analisis=analisis,
        ip_total=_ip_total(ip),
        multi_tahun=multi,
        hambatan=tuple(teks.items("hambatan")),
        upaya=tuple(teks.items("upaya")),
        anggaran=_budget_table(result),
        anggaran_narasi=_anggaran_narasi(year, result),
        triwulan=_quarterly_table(result),
        penutup=tuple(teks.paragraphs("penutup")),
        ttd=Ttd(
            f"{teks.tempat}, {teks.tanggal}",
            teks.jabatan_penandatangan.upper(),
            teks.nama_penandatangan,
            f"NIP. {teks.nip_penandatangan}",
        ),
        charts=charts,
        catatan=tuple(notes),
    )
