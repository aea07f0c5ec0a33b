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

from django.utils import timezone

from sikap.core.errors import Kode, SikapError
from sikap.lkj.models import AnalisisIndikator, KonfirmasiTemuan, LkjTeks, PindaianPk
from sikap.performance.capaian import (
    IP_ASN_TOTAL,
    IkuResult,
    IndicatorResult,
    YearCapaian,
    year_capaian,
)
from sikap.performance.checks import AGGREGATION_NAME, Finding
from sikap.performance.checks import A as SEVERITY_A
from sikap.performance.models import Indikator, IndikatorTarget, RealisasiTerbit, Renja
from sikap.performance.selectors import findings_for_year, latest_agreement
from sikap.rules import RuleError, narasi
from sikap.rules.capaian import (
    CapaianRule,
    Direction,
    LowerConvention,
    plain,
    precision_of,
    round_to,
)
from sikap.rules.rounding import Rounding

if TYPE_CHECKING:
    from sikap.lkj.charts import Chart
from sikap.rules.capaian import capaian as capaian_of
from sikap.rules.formatting import angka, persen, rupiah, tanggal

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
    ("BAB IV Penutup", "simpulan atas capaian kinerja dengan angka-angkanya (indikator yang "
     "melampaui, mencapai dan belum mencapai target; penyerapan anggaran) serta usulan dan "
     "saran tindak lanjut."),
)  # fmt: skip
ROUNDING_TEXT = {Rounding.HALF_UP: "setengah ke atas", Rounding.TRUNCATE: "dipotong"}
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
    standar: str | None = None  # against a national standard, where one is configured
    faktor: str | None = None  # what the numbers say pulled the value down (analysis 5)
    penyebab: tuple[str, ...] = ()  # staff's causes of success or failure (analysis 5)
    solusi: tuple[str, ...] = ()  # staff's solutions (analysis 5)
    pendukung: str | None = None  # the supporting programmes (analysis 7)


@dataclass(frozen=True)
class Pindaian:
    """The signed Perjanjian Kinerja scan the appendix carries, and the sentence that says so."""

    record: "PindaianPk"
    halaman: int

    @property
    def gambar(self) -> bool:
        return self.record.format != "pdf"


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
    catatan_indeks: str | None  # how the index values were computed and rounded
    renja: Table
    program_anggaran: Table | None  # None when the source holds no budget
    pk_sasaran: Table
    pk_program: Table | None
    pk_keterangan: str
    pk_pihak_kedua: str  # the regional head the agreement is made with
    pk_tanggal: str  # "Lumajang, 2 Januari 2023" or the place and a blank date
    metode: str  # how capaian was computed, under the conventions in force
    capaian: Table | None
    capaian_kosong: str  # said instead of an empty table and chart
    analisis: tuple[Analisis, ...]
    ip_total: str | None
    ip_status: Table | None  # IP ASN of PNS, PPPK, all ASN and the weighted roll-up
    ip_status_catatan: str | None
    multi_tahun: Table | None
    efisiensi: Table | None  # analysis 6, per program
    efisiensi_narasi: tuple[str, ...]
    hambatan: tuple[str, ...]
    upaya: tuple[str, ...]
    inovasi: tuple[str, ...]
    anggaran: Table | None  # None when the source holds no budget
    anggaran_narasi: str
    triwulan: Table
    triwulan_catatan: tuple[str, ...]  # the notes the table's markers point to
    konsistensi: Table | None  # "Catatan konsistensi data"
    konsistensi_pengantar: str
    simpulan: tuple[str, ...]
    saran: tuple[str, ...]
    penutup: tuple[str, ...]
    ttd: Ttd
    charts: tuple["Chart | None", ...]  # capaian, budget; None for a section left out
    catatan: tuple[str, ...] = field(default=())
    temuan: tuple[Finding, ...] = ()  # the checks' findings the report was built with
    pindaian: Pindaian | None = None  # the signed agreement as scanned, when uploaded
    pindaian_teks: str = ""  # "… terlampir pada 2 halaman berikut …", or that it is not


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
    """(the year's IP ASN as configured, its per-status figures, why not) — None, None and
    the reason when SIKAP cannot compute it."""
    from sikap.ipasn.engine import ip_asn_for_report

    try:
        return (*ip_asn_for_report(year), "")
    except SikapError as e:
        return None, None, e.message


def _per_status(found) -> tuple[Table | None, str | None]:
    """The IP ASN per status and the roll-up, and how the stated figure was made."""
    if found is None or found.semua.total is None:
        return None, None
    d = found.semua.config.decimals
    rows = [Row((s.label, angka(s.headcount), _fmt(s.result.total, d))) for s in found.per_status]
    rows.append(Row(("Seluruh ASN (satu indeks)", "", _fmt(found.semua.total, d))))
    rows.append(Row(("Gabungan tertimbang jumlah pegawai", "", _fmt(found.tertimbang, d)), "total"))
    if found.weighted:
        terms = " + ".join(
            f"{angka(s.result.total, d)} × {angka(s.headcount)}"
            for s in found.per_status
            if s.result.total is not None and s.headcount
        )
        heads = sum(s.headcount for s in found.per_status if s.result.total is not None)
        note = (
            f"IP ASN yang dilaporkan adalah gabungan tertimbang jumlah pegawai: ({terms}) ÷ "
            f"{angka(heads)} = {_fmt(found.tertimbang, d)}."
        )
    else:
        note = (
            "IP ASN yang dilaporkan adalah satu indeks atas seluruh ASN; indeks per status "
            "ditampilkan sebagai pembanding."
        )
    return Table(("Status", "Jumlah pegawai", "IP ASN"), tuple(rows)), note


def _formula(nomor: int, iku: IkuResult, ip) -> Formula | None:
    if ip is None or iku.source != "formula" or iku.formula == IP_ASN_TOTAL:
        return None
    sub = next((s for s in ip.sub_indices if s.code == iku.formula), None)
    if sub is None or sub.rounded is None:
        return None
    noun = sub.population_noun
    words = " + ".join(f"(Jumlah {noun} {c.label} × {c.weight_text})" for c in sub.categories)
    return Formula(
        nomor=nomor,
        nama=sub.name,
        rumus=f"{{{words}}} / Jumlah {sub.population_text}",
        substitusi=sub.formula,
        nilai=angka(sub.rounded, sub.decimals),
        populasi=f"Penyebut: jumlah {sub.population_text} = {angka(sub.population)}",
    )


def ip_sum(ip) -> Decimal | None:
    values = [s.rounded for s in ip.sub_indices]
    return None if None in values else sum(values, Decimal(0))


def _ip_total(ip) -> str | None:
    if ip is None or ip.total is None or ip.total != ip_sum(ip):
        return None  # a weighted roll-up is stated with its own formula (_per_status)
    d = ip.config.decimals
    names = " + ".join(f"IP{n}" for n in range(1, len(ip.sub_indices) + 1))
    values = " + ".join(angka(s.rounded, d) for s in ip.sub_indices)
    kategori = f" (kategori {ip.kategori})" if ip.kategori else ""
    return f"IP ASN = {names} = {values} = {angka(ip.total, d)}{kategori}"


def _history(year: int, iku: tuple[IkuResult, ...], renstra):
    """({indikator target id: [(year, realisasi)]}, {target id: (final year, final target)}).

    Earlier years' realisation is the published one (`RealisasiTerbit`), else the one entered
    with that year's target: never a past year recomputed from today's personnel data."""
    targets = {t.pk: t for t in IndikatorTarget.objects.filter(pk__in=[i.id for i in iku])}
    mine = {t.indikator_id: t.pk for t in targets.values()}
    first = year - EARLIER_YEARS
    found: dict[tuple[int, int], Decimal] = {}
    rows = list(IndikatorTarget.objects.filter(indikator_id__in=list(mine)))
    for r in rows:
        if first <= r.tahun < year and r.realisasi is not None:
            found[(r.indikator_id, r.tahun)] = plain(r.realisasi)
    for r in RealisasiTerbit.objects.filter(
        indikator_id__in=list(mine), tahun__gte=first, tahun__lt=year
    ):
        found[(r.indikator_id, r.tahun)] = plain(r.realisasi)
    earlier: dict[int, list] = {}
    for (indikator_id, y), value in sorted(found.items(), key=lambda kv: kv[0][1]):
        earlier.setdefault(mine[indikator_id], []).append((y, value))
    final = {}
    if renstra is not None:
        for r in rows:
            if r.tahun == renstra.tahun_akhir:
                final[mine[r.indikator_id]] = (r.tahun, r.target)
    standards = {
        mine[i.pk]: (plain(i.standar_nasional), i.standar_nasional_sumber)
        for i in Indikator.objects.filter(pk__in=list(mine), standar_nasional__isnull=False)
    }
    return earlier, final, standards


def _faktor(i: IkuResult, ip) -> str | None:
    """From the numbers: the component that pulled an index furthest below its maximum."""
    if ip is None or i.source != "formula":
        return None
    if i.formula == IP_ASN_TOTAL:
        shares = [
            (s.rounded / max(c.weight for c in s.categories), s)
            for s in ip.sub_indices
            if s.rounded is not None and s.categories
        ]
        if not shares:
            return None
        share, low = min(shares, key=lambda x: x[0])
        top = max(c.weight for c in low.categories)
        return (
            f"Dari angka: dimensi dengan nilai terendah terhadap skor maksimumnya adalah "
            f"{low.name} ({angka(low.rounded, low.decimals)} dari {narasi.nilai(top)}, "
            f"{persen(share * 100)})."
        )
    sub = next((s for s in ip.sub_indices if s.code == i.formula), None)
    if sub is None or not sub.population or not sub.categories:
        return None
    top = max(c.weight for c in sub.categories)
    lost = max(sub.categories, key=lambda c: (top - c.weight) * c.count)
    if lost.count == 0 or lost.weight == top:
        return None
    share = Decimal(lost.count) / sub.population * 100
    return (
        f"Dari angka: komponen yang paling menurunkan nilai adalah {lost.label} "
        f"({angka(lost.count)} dari {angka(sub.population)} {sub.population_noun}, "
        f"{persen(share)}, skor {narasi.nilai(lost.weight)} dari skor tertinggi "
        f"{narasi.nilai(top)})."
    )


def _efisiensi(result: YearCapaian) -> tuple[Table | None, tuple[str, ...]]:
    """Analysis 6: each program's mean capaian (printed figures) against its absorption."""
    rows, sentences = [], []
    for p in result.level("program"):
        values = []
        for i in result.indicators:
            if i.code == p.code or i.code.startswith(p.code + "."):
                capaian = _printed(i, result.rule)[1]
                if capaian is not None:
                    values.append(capaian)
        if not values or p.persen is None:
            continue
        mean = round_to(sum(values, Decimal(0)) / len(values), 2)
        ratio, sentence = narasi.efisiensi(p.name, mean, p.persen)
        rows.append(Row((p.code, p.name, _pct(mean), _pct(p.persen), angka(ratio))))
        sentences.append(sentence)
    if not rows:
        return None, ()
    headers = ("Kode", "Program", "Rata-rata capaian indikator", "Penyerapan anggaran", "Rasio")
    return Table(headers, tuple(rows)), tuple(sentences)


def _analisis(year: int, result: YearCapaian, ip, renstra):
    earlier, final, standards = _history(year, result.iku, renstra)
    indikator_of = dict(
        IndikatorTarget.objects.filter(pk__in=[i.id for i in result.iku]).values_list(
            "pk", "indikator_id"
        )
    )
    written = {
        a.indikator_id: a
        for a in AnalisisIndikator.objects.filter(tahun=year).prefetch_related("program")
    }
    absorbed = {a.code: a for a in result.level("program")}
    items, statuses, multi_rows = [], [], []
    history_years = list(range(year - EARLIER_YEARS, year))  # N-2, N-1 beside N
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
        toward = progress = None
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
        standar = None
        if i.id in standards:
            value, source = standards[i.id]
            standar = narasi.terhadap_standar(
                i.realisasi, value, source, direction=i.direction, unit=i.unit
            )
        staff = written.get(indikator_of.get(i.id))
        pendukung = None
        if staff is not None and staff.program.all():
            pendukung = (
                "Program pendukung: "
                + "; ".join(
                    f"{p.kode} {p.nama}"
                    + (
                        f" (penyerapan anggaran {_pct(absorbed[p.kode].persen)})"
                        if p.kode in absorbed and absorbed[p.kode].persen is not None
                        else ""
                    )
                    for p in staff.program.all()
                )
                + "."
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
                standar,
                _faktor(i, ip),
                tuple(staff.penyebab.split("\n")) if staff and staff.penyebab else (),
                tuple(staff.solusi.split("\n")) if staff and staff.solusi else (),
                pendukung,
            )
        )
        history = dict(earlier.get(i.id, ()))
        cells = [
            i.indicator,
            *(_fmt(history.get(y)) for y in history_years),
            _fmt(i.realisasi),
            _fmt(final[i.id][1]) if i.id in final else "—",
            _pct(progress),
        ]
        if standards:
            cells.append(_fmt(standards[i.id][0]) if i.id in standards else "—")
        multi_rows.append((bool(history or i.id in final or i.id in standards), Row(tuple(cells))))
    multi = None
    if any(has_data for has_data, _ in multi_rows):
        final_label = "Target akhir Renstra"
        if renstra is not None:
            final_label += f" ({renstra.tahun_akhir})"
        headers = [
            "Indikator",
            *(f"Realisasi {y}" for y in history_years),
            f"Realisasi {year}",
            final_label,
            "Capaian terhadap target akhir",
        ]
        if standards:
            headers.append("Standar nasional")
        multi = Table(tuple(headers), tuple(row for _, row in multi_rows))
    return tuple(items), statuses, multi


def _renja_table(result: YearCapaian) -> tuple[Table, Table | None]:
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
    if not result.total.anggaran:  # the source has no budget: no table of Rp0,00
        return renja, None
    program_rows.append(Row(("", "Jumlah", rupiah(result.total.anggaran)), "total"))
    return renja, Table(("Kode", "Program", "Anggaran"), tuple(program_rows))


def _pk_tables(year: int, result: YearCapaian) -> tuple[Table, Table | None, str]:
    agreement = latest_agreement(year)
    sasaran_rows = [
        Row((i.tujuan, i.sasaran or "—", i.indicator, _fmt(i.target))) for i in result.iku
    ]
    agreed = {a.program.kode: a.anggaran for a in agreement.anggaran.all()} if agreement else {}
    programs = [a for a in result.absorption if a.level == "program"]
    program_rows = [Row((p.name, rupiah(agreed.get(p.code, p.anggaran)), "APBD")) for p in programs]
    total = sum((agreed.get(p.code, p.anggaran) for p in programs), Decimal(0))
    program_rows.append(Row(("Jumlah", rupiah(total), "APBD"), "total"))
    pk_program = Table(("Program", "Anggaran", "Ket."), tuple(program_rows)) if total else None
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
        Table(("Tujuan", "Sasaran Strategis", "Indikator Kinerja", "Target"), tuple(sasaran_rows)),
        pk_program,
        note,
    )


def _metode(result: YearCapaian) -> str:
    """How capaian was computed, under the conventions in force: a 'lower is better' clause
    only when such an indicator is reported, and with the formula the configuration names."""
    rule = result.rule
    text = f"Capaian kinerja tahun {result.year} dihitung dari realisasi dibagi target dikali 100 %"
    lower = [i for i in (*result.iku, *result.indicators) if i.direction == Direction.LOWER]
    if lower:
        formula = (
            "(2 × target − realisasi) ÷ target × 100 %"
            if rule.lower_convention == LowerConvention.PERMENPANRB
            else "target ÷ realisasi × 100 %"
        )
        text += f" (untuk indikator “semakin rendah semakin baik”: {formula})"
    text += f", dibulatkan {rule.decimals} desimal ({ROUNDING_TEXT[Rounding(rule.rounding)]})"
    if rule.realisation_decimals is not None:
        text += f" setelah realisasi dibulatkan lebih dulu ke {rule.realisation_decimals} desimal"
    return text + "."


@dataclass(frozen=True)
class Utama:
    """A row of BAB III's capaian table: an IKU, or, in a year without IKU, a program
    indicator of the Renja."""

    tujuan: str
    sasaran: str
    indicator: str
    unit: str
    target: Decimal
    realisasi: Decimal | None
    capaian: Decimal | None
    direction: str
    note: str


def _utama(result: YearCapaian) -> list[Utama]:
    if result.iku:
        return [
            Utama(
                i.tujuan, i.sasaran, i.indicator, i.unit, i.target, i.realisasi, i.capaian,
                i.direction, i.note,
            )
            for i in result.iku
        ]  # fmt: skip
    rows = []
    for i in result.indicators:
        if i.level == "program":
            realisasi, capaian, _ = _printed(i, result.rule)
            rows.append(
                Utama(
                    "", i.name, i.indicator, i.unit, i.target, realisasi, capaian, i.direction,
                    i.note,
                )
            )  # fmt: skip
    return rows


def _capaian_table(rows: list[Utama]) -> Table | None:
    """Tujuan and sasaran in their own columns (an IKU of the tujuan itself has no sasaran)."""
    if not rows:
        return None
    out, last_tujuan = [], None
    for n, i in enumerate(rows, start=1):
        out.append(
            Row(
                (
                    str(n),
                    (i.tujuan or "—") if i.tujuan != last_tujuan or not i.tujuan else "",
                    i.sasaran or "—",
                    i.indicator,
                    i.unit or "—",
                    _fmt(i.target),
                    _fmt(i.realisasi),
                    _pct(i.capaian),
                )
            )
        )
        last_tujuan = i.tujuan
    headers = ("No", "Tujuan", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target")
    return Table((*headers, "Realisasi", "% Capaian"), tuple(out))


def _closes(published: Decimal, recomputed: Decimal) -> bool:
    return round_to(recomputed, precision_of(published)) == published


def _printed(i: IndicatorResult, rule: CapaianRule):
    """(realisasi, capaian, differs): the annual figure of the signed report when SIKAP's
    recomputation from the quarters differs from it (the finding then says why), else
    SIKAP's own."""
    if i.published is None or (i.realisasi is not None and _closes(i.published, i.realisasi)):
        return i.realisasi, i.capaian, False
    try:
        value = capaian_of(i.target, i.published, direction=i.direction, rule=rule)
    except RuleError:
        value = None
    return i.published, value, True


def _budget_table(result: YearCapaian) -> Table | None:
    if not result.total.anggaran:
        return None
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


def _quarterly_table(result: YearCapaian) -> tuple[Table, tuple[str, ...]]:
    """Program, kegiatan and sub kegiatan with every indicator's K per quarter. Money is spent
    in the sub kegiatan, so their rows carry Rp; a program's or kegiatan's Rp is one 'Jumlah'
    row summed from its sub kegiatan (docs/sakip.md), never the split of its indicator rows.

    The annual K is the signed report's where SIKAP's recomputation differs from it, marked
    and explained under the table, as is every capaian that cannot be computed."""
    notes: list[str] = []

    def marked(text: str, note: str) -> str:
        notes.append(f"[{len(notes) + 1}] {note}")
        return f"{text} [{len(notes)}]"

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
            realisasi, capaian, differs = _printed(i, result.rule)
            annual = _k(realisasi, i.unit)
            if differs:
                how = AGGREGATION_NAME.get(i.aggregation, i.aggregation)
                annual = marked(
                    annual,
                    f"{i.code} {i.indicator}: realisasi tahunan {_k(realisasi, i.unit)} "
                    f"sebagaimana tercetak pada laporan yang ditandatangani; dari triwulan "
                    f"({how}) SIKAP menghitung {_k(i.realisasi, i.unit)}. Lihat Catatan "
                    "Konsistensi Data.",
                )
            shown = _pct(capaian)
            if capaian is None and realisasi is not None:
                why = i.note
                if differs:
                    try:
                        capaian_of(i.target, realisasi, direction=i.direction, rule=result.rule)
                    except RuleError as e:
                        why = e.message
                shown = marked(shown, f"{i.code} {i.indicator}: {why}")
            rows.append(
                Row(
                    (
                        node.code if n == 0 else "",
                        node.name if n == 0 else "",
                        i.indicator,
                        _k(i.target, i.unit),
                        _rp(i.anggaran) if money else "",
                        *quarters,
                        annual,
                        _rp(i.realisasi_rp) if money else "",
                        shown,
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
    return Table(headers, tuple(rows)), tuple(notes)


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


def _status_of(target, realisasi, direction) -> narasi.Status | None:
    if realisasi is None or not target:
        return None
    return narasi.status(target, realisasi, direction)


def _renja_summary(result: YearCapaian) -> str | None:
    """'Dari 65 indikator program, kegiatan dan sub kegiatan, …' on the printed figures."""
    if not result.indicators:
        return None
    statuses, without = [], 0
    for i in result.indicators:
        realisasi, capaian, _ = _printed(i, result.rule)
        found = _status_of(i.target, realisasi, i.direction) if capaian is not None else None
        if found is None:
            without += 1
        else:
            statuses.append(found)
    text = (
        f"Dari {len(result.indicators)} indikator program, kegiatan dan sub kegiatan tahun "
        f"{result.year}, "
    )
    text += narasi.ringkasan(statuses).removeprefix(f"dari {len(statuses)} indikator, ")
    if without:
        text += (
            f"; {without} indikator tanpa capaian (target 0 atau belum ada realisasi, "
            "lihat catatan tabel triwulan)"
        )
    return text + "."


def _ikhtisar(year, teks, result, statuses, ip, utama) -> tuple[str, ...]:
    out = list(teks.paragraphs("ikhtisar_pengantar"))
    if result.iku:
        out.append(
            f"Pada tahun {year} {teks.nama_instansi} mengukur kinerjanya dengan "
            f"{len(result.iku)} indikator kinerja utama; {narasi.ringkasan(statuses)}."
        )
    elif utama:
        out.append(
            f"Tahun {year} tidak memiliki indikator kinerja utama (IKU) dalam SIKAP; kinerja "
            f"diukur dengan {len(utama)} indikator program; {narasi.ringkasan(statuses)}."
        )
    if ip is not None and ip.total is not None and result.iku:
        head = next((i for i in result.iku if i.formula == IP_ASN_TOTAL), None)
        target = f" dari target {_fmt(head.target)} (capaian {_pct(head.capaian)})" if head else ""
        kategori = f" (kategori {ip.kategori})" if ip.kategori else ""
        out.append(
            f"Indeks Profesionalitas ASN tahun {year} sebesar {angka(ip.total, ip.config.decimals)}"
            f"{kategori}{',' if target else ''}{target}."
        )
    index = {k.indicator for k in result.iku if k.formula == IP_ASN_TOTAL}
    for i in utama:
        if i.realisasi is not None and i.capaian is not None and i.indicator not in index:
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
    if summary := _renja_summary(result):
        out.append(summary)
    t = result.total
    if t.anggaran:
        out.append(
            f"Anggaran tahun {year} sebesar {rupiah(t.anggaran)} terealisasi "
            f"{rupiah(t.realisasi)} ({_pct(t.persen)})."
        )
    return tuple(out)


def _konsistensi(year: int, findings: list[Finding], result: YearCapaian, ip):
    """(table or None, the paragraph above it): every open finding of `sakip check`, and
    where a computed index differs from the figure the signed report printed."""
    rows = []
    for i in result.iku:
        if i.source == "formula" and i.entered is not None and i.realisasi is not None:
            # At the index's own precision: the column stores 66.90 as 66.9.
            d = ip.config.decimals if ip else 2
            if round_to(i.entered, d) != round_to(i.realisasi, d):
                how = ROUNDING_TEXT.get(ip.config.rounding, ip.config.rounding) if ip else ""
                rows.append(
                    Row(
                        (
                            str(len(rows) + 1),
                            "angka terbit",
                            f"IKU · {i.indicator}",
                            f"Laporan yang ditandatangani mencetak {_fmt(i.entered)}; SIKAP "
                            f"menghitung {_fmt(i.realisasi)} (pembulatan {how}). Laporan ini "
                            "mencetak hitungan SIKAP. Untuk mereproduksi angka terbit, atur "
                            "pembulatan konfigurasi IP ASN yang berlaku tahun itu.",
                        )
                    )
                )
    rows = [Row((*r.cells, "—")) for r in rows]
    confirmed = dict(KonfirmasiTemuan.objects.filter(tahun=year).values_list("kunci", "alasan"))
    order = {SEVERITY_A: 0}
    for f in sorted(findings, key=lambda f: order.get(f.severity, 1)):
        status = "—"
        if f.severity == SEVERITY_A:
            reason = confirmed.get(f.key)
            status = f"Dikonfirmasi: {reason}" if reason else "Belum dikonfirmasi"
        number = str(len(rows) + 1)
        rows.append(Row((number, f"tingkat {f.severity}", f.location, f.problem, status)))
    if not rows:
        return None, (
            f"Pemeriksaan konsistensi SIKAP atas data SAKIP tahun {year} tidak menemukan angka "
            "yang tidak cocok."
        )
    a = sum(1 for f in findings if f.severity == SEVERITY_A)
    intro = (
        f"Pemeriksaan konsistensi SIKAP (sikap sakip check) atas data SAKIP tahun {year} "
        f"mencatat {len(findings)} temuan ({a} tingkat A: hitungan yang tidak cocok; "
        f"{len(findings) - a} tingkat C: label, satuan atau konvensi). Di tabel triwulan, "
        "realisasi tahunan yang berbeda dari hitungan ulang dicetak sebagaimana angka "
        "terverifikasi dan diberi tanda; temuannya tercantum di bawah ini."
    )
    headers = ("No", "Jenis", "Lokasi", "Temuan", "Konfirmasi admin BKD")
    return Table(headers, tuple(rows)), intro


def _simpulan(year, teks, result, statuses, utama) -> tuple[str, ...]:
    out = []
    if utama:
        what = "indikator kinerja utama" if result.iku else "indikator program"
        counts = narasi.ringkasan(statuses).removeprefix(f"dari {len(statuses)} indikator, ")
        out.append(f"Dari {len(utama)} {what} tahun {year}, {counts}.")
        missed = [
            f"{i.indicator} ({_pct(i.capaian)})"
            for i in utama
            if i.capaian is not None
            and _status_of(i.target, i.realisasi, i.direction) == narasi.Status.BELUM
        ]
        if missed:
            out.append(f"Yang belum mencapai target: {'; '.join(missed)}.")
    else:
        out.append(f"Tahun {year} tidak memiliki indikator kinerja dengan target dalam SIKAP.")
    if summary := _renja_summary(result):
        out.append(summary)
    t = result.total
    if t.anggaran:
        out.append(
            f"Anggaran tahun {year} sebesar {rupiah(t.anggaran)} terserap "
            f"{rupiah(t.realisasi)} ({_pct(t.persen)}), sisa {rupiah(t.anggaran - t.realisasi)}."
        )
    return tuple(out)


def _catatan_indeks(ip, formulas) -> str | None:
    if ip is None or not formulas:
        return None
    how = ROUNDING_TEXT.get(ip.config.rounding, ip.config.rounding)
    return (
        "Nilai indeks adalah rata-rata skor per orang dalam populasinya (tanpa dikalikan 100), "
        f"dibulatkan {ip.config.decimals} desimal ({how}) menurut konfigurasi IP ASN "
        f"“{ip.config.nama}” yang berlaku mulai {ip.config.berlaku_mulai:%d-%m-%Y}."
    )


def _anggaran_narasi(year: int, result: YearCapaian) -> str:
    t = result.total
    if not t.anggaran:
        return (
            f"Data SAKIP tahun {year} tidak memuat anggaran: tabel dan grafik realisasi "
            "anggaran tidak disajikan."
        )
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


def _kepala_daerah(pemda: str) -> str:
    """'Kabupaten Lumajang' → 'Bupati Lumajang'; 'Kota Bima' → 'Wali Kota Bima'."""
    for prefix, head in (("Kabupaten ", "Bupati "), ("Kota ", "Wali Kota ")):
        if pemda.startswith(prefix):
            return head + pemda.removeprefix(prefix)
    return f"Kepala Daerah {pemda}"


def _pk_tanggal(year: int, teks) -> str:
    agreement = latest_agreement(year)
    if agreement and agreement.tanggal_tanda_tangan:
        return f"{teks.tempat}, {tanggal(agreement.tanggal_tanda_tangan)}"
    return f"{teks.tempat}, ……………… {year}"


def _pindaian(year: int) -> tuple[Pindaian | None, str]:
    """The latest uploaded scan and the appendix's sentence about it: "terlampir" only when the
    pages really follow."""
    record = PindaianPk.latest(year)
    if record is None:
        return None, (
            f"Pindaian Perjanjian Kinerja tahun {year} yang telah ditandatangani kedua pihak "
            "belum diunggah ke SIKAP: lampirkan sebelum laporan diserahkan."
        )
    pages = record.halaman
    where = "halaman berikut" if pages == 1 else f"{pages} halaman berikut"
    uploaded = tanggal(timezone.localtime(record.diunggah_pada).date())
    return Pindaian(record, pages), (
        f"Pindaian Perjanjian Kinerja tahun {year} yang telah ditandatangani kedua pihak "
        f"terlampir pada {where} (diunggah {uploaded})."
    )


def build_lkj(year: int) -> Lkj:
    teks = LkjTeks.for_year(year)
    renstra, tujuan, sasaran, indikator, programs = _renstra(year)
    ip, per_status, ip_note = _ip_asn(year)
    # The very IP ASN result above feeds the capaian, so the two can never disagree.
    result = year_capaian(year, ip_asn=ip)
    analisis, _, multi = _analisis(year, result, ip, renstra)
    utama = _utama(result)
    statuses = [
        narasi.status(u.target, u.realisasi, u.direction)
        for u in utama
        if u.realisasi is not None and u.target
    ]
    renja, program_anggaran = _renja_table(result)
    pk_sasaran, pk_program, pk_note = _pk_tables(year, result)
    notes = [f"IP ASN tidak dihitung: {ip_note}"] if ip is None and result.iku else []
    notes += [f"{i.indicator}: {i.note}" for i in result.iku if i.note]
    periode = f"{renstra.tahun_awal}–{renstra.tahun_akhir}" if renstra else ""
    triwulan, triwulan_catatan = _quarterly_table(result)
    efisiensi = _efisiensi(result)
    ip_status = _per_status(per_status)
    pindaian, pindaian_teks = _pindaian(year)
    findings = findings_for_year(year)  # once: the page and publishing read them from here
    konsistensi, konsistensi_pengantar = _konsistensi(year, findings, result, ip)
    formulas = tuple(a.formula for a in analisis if a.formula)
    # Matplotlib loads only when a report is built, not when the site starts.
    from sikap.lkj.charts import budget_chart, capaian_chart

    charts = (
        capaian_chart(
            year,
            [
                (u.indicator, u.capaian, s.value if s else None)
                for u, s in ((u, _status_of(u.target, u.realisasi, u.direction)) for u in utama)
            ],
            iku=bool(result.iku),
        )
        if utama
        else None,
        budget_chart(
            year,
            [(p.name, p.quarters) for p in result.absorption if p.level == "program"],
            result.total.anggaran,
        )
        if result.total.anggaran
        else None,
    )
    return Lkj(
        tahun=year,
        instansi=teks.nama_instansi,
        pemda=teks.pemerintah_daerah,
        alamat=teks.alamat,
        kata_pengantar=tuple(teks.paragraphs("kata_pengantar")),
        ikhtisar=_ikhtisar(year, teks, result, statuses, ip, utama),
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
        formulas=formulas,
        catatan_indeks=_catatan_indeks(ip, formulas),
        renja=renja,
        program_anggaran=program_anggaran,
        pk_sasaran=pk_sasaran,
        pk_program=pk_program,
        pk_keterangan=pk_note,
        pk_pihak_kedua=_kepala_daerah(teks.pemerintah_daerah),
        pk_tanggal=_pk_tanggal(year, teks),
        metode=_metode(result),
        capaian=_capaian_table(utama),
        capaian_kosong=(
            ""
            if utama
            else f"Tahun {year} tidak memiliki indikator kinerja utama maupun indikator program "
            "dengan target dalam SIKAP: tabel dan grafik capaian tidak disajikan."
        ),
        analisis=analisis,
        ip_total=_ip_total(ip) if result.iku else None,
        ip_status=ip_status[0] if result.iku else None,
        ip_status_catatan=ip_status[1] if result.iku else None,
        multi_tahun=multi,
        efisiensi=efisiensi[0],
        efisiensi_narasi=efisiensi[1],
        hambatan=tuple(teks.items("hambatan")),
        upaya=tuple(teks.items("upaya")),
        inovasi=tuple(teks.items("inovasi")),
        anggaran=_budget_table(result),
        anggaran_narasi=_anggaran_narasi(year, result),
        triwulan=triwulan,
        triwulan_catatan=triwulan_catatan,
        konsistensi=konsistensi,
        konsistensi_pengantar=konsistensi_pengantar,
        simpulan=_simpulan(year, teks, result, statuses, utama),
        saran=tuple(teks.items("saran")),
        penutup=tuple(teks.paragraphs("penutup")),
        ttd=Ttd(
            f"{teks.tempat}, {teks.tanggal}",
            teks.jabatan_penandatangan.upper(),
            teks.nama_penandatangan,
            f"NIP. {teks.nip_penandatangan}",
        ),
        charts=charts,
        catatan=tuple(notes),
        temuan=tuple(findings),
        pindaian=pindaian,
        pindaian_teks=pindaian_teks,
    )
