"""The demo's ASN: who holds which position, with a consistent identity, career and family.

The seed fixes the PNS education counts, so people are drawn from that exact pool of diplomas:
heads of units first (mostly S2/S1), then pelaksana (every SD/SMP/D1/D2 and most SMA diplomas),
then jabatan fungsional for the rest (teachers, health staff, auditors, …). PPPK hold JF posts.
"""

import random
from datetime import date, timedelta

from sikap.demo import catalogue as cat
from sikap.demo.background import jurusan_for, keluarga_rows, pendidikan_rows
from sikap.demo.career import (
    AS_OF,
    KP_PILIHAN_JF,
    KP_PILIHAN_STRUKTURAL,
    Payroll,
    SkNumbers,
    add_years,
    pangkat_history,
)
from sikap.demo.data import JabatanData, PersonData, TugasTambahanData
from sikap.demo.identity import Identities
from sikap.demo.org import Org
from sikap.demo.records import Profile
from sikap.demo.targets import Targets
from sikap.org.models import JenisJabatan, JenisTugasTambahan
from sikap.rules.education import golongan_awal, golongan_maksimum, jenjang, tingkat_order
from sikap.rules.ranks import golongan_order

_STRUKTURAL_PREF = {
    JenisJabatan.JPT: (("S2", 1),),
    JenisJabatan.JA: (("S2", 7), ("S1", 3)),
    JenisJabatan.JP: (("S1", 70), ("S2", 12), ("D4", 6), ("D3", 12)),
}
_HIGH_TO_LOW = ("S3", "S2", "S1", "D4", "D3", "D2", "D1", "SMA", "SMP", "SD")
_AGE_MIN = {
    "SD": 20,
    "SMP": 20,
    "SMA": 20,
    "D1": 21,
    "D2": 22,
    "D3": 23,
    "D4": 24,
    "S1": 24,
    "S2": 27,
    "S3": 30,
}
_AGE_MIN_HEAD = {JenisJabatan.JPT: 46, JenisJabatan.JA: 40, JenisJabatan.JP: 32}
_ENTRY_AGE_MIN = {
    "SD": 19,
    "SMP": 19,
    "SMA": 19,
    "D1": 20,
    "D2": 21,
    "D3": 22,
    "D4": 23,
    "S1": 23,
    "S2": 26,
    "S3": 28,
}
_TMT_MONTHS = ((1, 3, 4, 12), (3, 4, 2, 1))
# How far KP pilihan may take a position holder beyond the diploma ceiling (demo choice).
_PILIHAN = {
    JenisJabatan.JPT: ("IV/c", KP_PILIHAN_STRUKTURAL),
    "ahli": ("IV/b", KP_PILIHAN_JF),
    "terampil": ("III/d", KP_PILIHAN_JF),
}
_FEMALE_SHARE = {
    "Guru": 0.65,
    "Bidan": 1.0,
    "Perawat": 0.6,
    "Nutrisionis": 0.8,
    "Polisi Pamong Praja": 0.15,
    "Pemadam Kebakaran": 0.05,
    "Pengemudi": 0.0,
    "Petugas Keamanan": 0.0,
    "struktural": 0.3,
    "pelaksana": 0.4,
}
_PELAKSANA_KELAS = {"SD": 3, "SMP": 4, "SMA": 5, "D1": 5, "D2": 5, "D3": 6, "S1": 7}
_KELAS_JF = {
    "Ahli Pertama": 8,
    "Ahli Muda": 9,
    "Ahli Madya": 11,
    "Ahli Utama": 13,
    "Terampil": 6,
    "Mahir": 7,
    "Penyelia": 8,
}
_AGAMA = (("islam", "kristen", "katolik", "hindu", "buddha"), (955, 20, 10, 12, 3))
_KECAMATAN_NAMA = {code: nama for code, nama, _, _ in cat.KECAMATAN}
_GURU_BUP = 60  # UU 14/2005, RULES.md §5


def jf_level(kind: str, golongan: str) -> str:
    """The JF level that goes with a golongan (ahli: Pertama…Utama, terampil: Terampil…)."""
    o = golongan_order(golongan)
    if kind == "ahli":
        for floor, level in (
            ("IV/d", "Ahli Utama"),
            ("IV/a", "Ahli Madya"),
            ("III/c", "Ahli Muda"),
        ):
            if o >= golongan_order(floor):
                return level
        return "Ahli Pertama"
    if o >= golongan_order("III/c"):
        return "Penyelia"
    return "Mahir" if o >= golongan_order("III/a") else "Terampil"


def jf_bup(bidang: str, level: str) -> int:
    """PP 11/2017 Pasal 239: ahli madya 60, ahli utama 65, other JF 58; teachers 60."""
    if bidang == "Guru":
        return _GURU_BUP
    return {"Ahli Madya": 60, "Ahli Utama": 65}.get(level, 58)


class People:
    def __init__(
        self,
        rng: random.Random,
        ids: Identities,
        org: Org,
        t: Targets,
        payroll: Payroll,
        sk: SkNumbers,
    ):
        self.rng, self.ids, self.org, self.t = rng, ids, org, t
        self.payroll, self.sk = payroll, sk
        self.pool = dict(t.pendidikan)  # diplomas not yet handed out
        self.profiles: list[Profile] = []

    def build(self) -> list[Profile]:
        for head in self.org.heads[: self.t.struktural]:
            self._pns(self._take(_STRUKTURAL_PREF[head.jenis]), head=head)
        for j in self._pelaksana_diplomas():
            nama = self.rng.choice(cat.PELAKSANA_BY_JENJANG[j])
            self._pns(j, pelaksana=nama)
        rest = [j for j in _HIGH_TO_LOW for _ in range(self.pool[j])]
        self.rng.shuffle(rest)
        for j in rest:
            options = cat.JF_BY_JENJANG["S2" if j == "S3" else j]
            kind, bidang, _ = self.rng.choices(options, weights=[w for *_, w in options])[0]
            self._pns(j, jf=(kind, bidang))
        weights = [f[-1] for f in cat.PPPK_FORMASI]
        for formasi in self.rng.choices(cat.PPPK_FORMASI, weights=weights, k=self.t.pppk):
            self._pppk(*formasi[:-1])
        return self.profiles

    def _take(self, prefs) -> str:
        options = [(j, w) for j, w in prefs if self.pool[j]]
        if not options:  # only at small --scale: the best diploma still available
            options = [(next(j for j in _HIGH_TO_LOW if self.pool[j]), 1)]
        j = self.rng.choices([j for j, _ in options], weights=[w for _, w in options])[0]
        self.pool[j] -= 1
        return j

    def _pelaksana_diplomas(self) -> list[str]:
        need = self.t.pelaksana
        chosen = []
        for j in ("SD", "SMP", "D1", "D2", "SMA"):
            n = min(self.pool[j], need - len(chosen))
            chosen += [j] * n
            self.pool[j] -= n
        while len(chosen) < need:
            chosen.append(self._take((("D3", 4), ("S1", 6))))
        self.rng.shuffle(chosen)
        return chosen

    # --- one person ---------------------------------------------------------------------------
    def _sex(self, key: str) -> str:
        return "P" if self.rng.random() < _FEMALE_SHARE.get(key, 0.5) else "L"

    def _birth(self, lo: int, hi: int) -> date:
        # ASN skew older: half are drawn from the upper ages.
        age = (
            self.rng.randint(lo, hi)
            if self.rng.random() < 0.5
            else self.rng.randint(max(lo, 40), hi)
        )
        return date(AS_OF.year - age, 1, 1) + _days(self.rng, 364)

    def _tmt_cpns(self, born: date, entry_jenjang: str, max_entry: int) -> date:
        age = AS_OF.year - born.year
        entry_age = self.rng.randint(_ENTRY_AGE_MIN[entry_jenjang], min(max_entry, age - 1))
        month = self.rng.choices(*_TMT_MONTHS)[0]
        return date(born.year + entry_age, month, 1)

    def _residence(self, opd_kode: str) -> str:
        own = self.org.kecamatan_of_opd.get(opd_kode)
        if own and self.rng.random() < 0.7:
            return own
        return "10" if self.rng.random() < 0.3 else self.rng.choice(list(_KECAMATAN_NAMA))

    def _pns(
        self,
        j: str,
        *,
        head: JabatanData | None = None,
        pelaksana: str | None = None,
        jf: tuple[str, str] | None = None,
    ) -> None:
        rng = self.rng
        tingkat = rng.choice(cat.TINGKAT_BY_JENJANG[j])
        entry = "40" if j == "S2" and rng.random() < 0.65 else tingkat  # S2 earned in service
        # (group, field, key for the sex ratio, KP pilihan, BUP, youngest age, oldest entry age)
        if head:
            role = ("struktural", "*", "struktural", _PILIHAN.get(head.jenis), head.bup,
                    max(_AGE_MIN[j], _AGE_MIN_HEAD[head.jenis]), 30)  # fmt: skip
        elif pelaksana:
            role = ("pelaksana", "*", pelaksana, None, 58, _AGE_MIN[j], 35)
        else:
            # A later JF level may raise the BUP (ahli madya 60), never lower it.
            bup = _GURU_BUP if jf[1] == "Guru" else 58
            role = ("fungsional", jf[1], jf[1], _PILIHAN[jf[0]], bup, _AGE_MIN[j], 35)
        group, bidang, sex_key, pilihan, bup, age_lo, max_entry = role
        if group != "struktural" and rng.random() < 0.08:
            max_entry = 42  # honorer appointed late (the K2 intakes)
        sex = self._sex(sex_key)
        born = self._birth(age_lo, min(bup - 1, 59))
        tmt_cpns = self._tmt_cpns(born, jenjang(entry), max_entry)
        tmt_pns = add_years(tmt_cpns, 1)
        ceilings = [(tmt_cpns, golongan_maksimum(entry))]
        s2_in_service = None
        if entry != tingkat:
            s2_in_service = rng.randint(
                min(tmt_cpns.year + 2, AS_OF.year), min(tmt_cpns.year + 12, AS_OF.year)
            )
            # A diploma counts for KP from the year after it is earned.
            ceilings.append((date(s2_in_service + 1, 1, 1), golongan_maksimum(tingkat)))
        ranks = pangkat_history(rng, tmt_cpns, golongan_awal(entry), ceilings, pilihan)
        golongan = ranks[-1][0]
        if head:
            jabatan, jabatan_rows = head, self._head_rows(head, tmt_cpns, entry)
        elif pelaksana:
            unit = self.org.unit_for_pelaksana()
            jabatan = self.org.jabatan_for(
                unit, pelaksana, JenisJabatan.PELAKSANA, kelas=_PELAKSANA_KELAS[j]
            )
            jabatan_rows = [self._jabatan_row(jabatan, tmt_cpns)]
        else:
            jabatan, jabatan_rows = self._jf(jf, ranks)
        opd = self.org.opd_of_unit(jabatan.unit_key)
        jurusan = jurusan_for(rng, bidang)
        gelar = self.ids.gelar(j, bidang, jurusan)
        person = self._person(
            sex=sex,
            born=born,
            status="pns",
            opd=opd,
            jabatan=jabatan,
            gelar=gelar,
            nip=self.ids.nip(born, tmt_cpns, sex),
            tmt_cpns=tmt_cpns,
            tmt_pns=tmt_pns,
            pendidikan=dict(
                tingkat=tingkat,
                s2_in_service=s2_in_service,
                tmt=tmt_cpns,
                bidang=bidang,
                jurusan=jurusan,
            ),
        )
        person.riwayat_pangkat = self.payroll.pangkat_rows(tmt_cpns, ranks)
        person.riwayat_gaji = self.payroll.gaji_rows(tmt_cpns, tmt_pns, ranks)
        person.riwayat_jabatan = jabatan_rows
        person.fields.update(
            golongan=golongan,
            tmt_golongan=ranks[-1][1],
            gaji_pokok=person.riwayat_gaji[-1]["gaji_pokok"],
        )
        self.profiles.append(
            Profile(person, True, group, jabatan.jenis, bidang, tmt_cpns, jabatan_rows[-1]["tmt"])
        )

    def _pppk(self, kind, bidang, j, golongan, tmt, *_):
        tmt = date(*tmt)
        level = "Ahli Pertama" if kind == "ahli" else "Terampil"
        unit = self.org.unit_for_home(
            cat.JF_AHLI[bidang] if kind == "ahli" else cat.JF_TERAMPIL[bidang]
        )
        jabatan = self.org.jabatan_for(
            unit,
            f"{bidang} {level}",
            JenisJabatan.JF,
            bup=jf_bup(bidang, level),
            kelas=_KELAS_JF[level],
        )
        sex = self._sex(bidang)
        born = self._birth(max(_AGE_MIN[j], 23), 55)
        jurusan = jurusan_for(self.rng, bidang)
        tingkat = cat.TINGKAT_BY_JENJANG[j][0]
        person = self._person(
            sex=sex,
            born=born,
            status="pppk",
            opd=self.org.opd_of_unit(unit),
            jabatan=jabatan,
            gelar=self.ids.gelar(j, bidang, jurusan),
            nip=self.ids.ni_pppk(born, tmt, sex),
            tmt_cpns=None,
            tmt_pns=None,
            pendidikan=dict(
                tingkat=tingkat, s2_in_service=None, tmt=tmt, bidang=bidang, jurusan=jurusan
            ),
        )
        person.riwayat_pangkat = [
            {
                "golongan": golongan,
                "tmt": tmt,
                "jenis": "Perjanjian Kerja PPPK",
                **self.sk.sk("pppk", tmt),
            }
        ]
        person.riwayat_jabatan = [self._jabatan_row(jabatan, tmt)]
        person.fields.update(golongan=golongan, tmt_golongan=tmt, gaji_pokok=None)
        self.profiles.append(
            Profile(person, False, "fungsional", JenisJabatan.JF, bidang, tmt, tmt)
        )

    def _person(
        self, *, sex, born, status, opd, jabatan, gelar, nip, tmt_cpns, tmt_pns, pendidikan
    ) -> PersonData:
        rng = self.rng
        kecamatan = self._residence(opd)
        status_kawin, keluarga = keluarga_rows(
            rng, self.ids, jenis_kelamin=sex, tanggal_lahir=born, kecamatan_code=kecamatan
        )
        riwayat_pendidikan = pendidikan_rows(
            rng, tanggal_lahir=born, kecamatan=_KECAMATAN_NAMA[kecamatan], **pendidikan
        )
        fields = {
            "nip": nip,
            "nik": self.ids.nik(kecamatan, born, sex),
            "nama": self.ids.nama(sex),
            "gelar_depan": gelar[0],
            "gelar_belakang": gelar[1],
            "tempat_lahir": rng.choice(cat.TEMPAT_LAHIR),
            "tanggal_lahir": born,
            "jenis_kelamin": sex,
            "agama": rng.choices(*_AGAMA)[0],
            "status_kawin": status_kawin,
            "no_hp": f"08{rng.randint(1100000000, 9999999999)}",
            "alamat": f"{self.ids.fake.street_address()}, Kecamatan {_KECAMATAN_NAMA[kecamatan]}, "
            "Kabupaten Lumajang",
            "status": status,
            "tmt_cpns": tmt_cpns,
            "tmt_pns": tmt_pns,
            "jenis_jabatan": jabatan.jenis,
            "tingkat_pendidikan": max(
                (r["tingkat"] for r in riwayat_pendidikan), key=tingkat_order
            ),
        }
        return PersonData(
            fields,
            jabatan.unit_key,
            jabatan.key,
            riwayat_pendidikan=riwayat_pendidikan,
            keluarga=keluarga,
        )

    # --- positions ----------------------------------------------------------------------------
    def _jabatan_row(self, jabatan: JabatanData, tmt: date) -> dict:
        return {
            "nama_jabatan": jabatan.nama,
            "jenis_jabatan": jabatan.jenis,
            "eselon": jabatan.eselon,
            "tmt": tmt,
            "jabatan_key": jabatan.key,
            "unit_key": jabatan.unit_key,
            **self.sk.sk("jabatan", tmt),
        }

    def _head_rows(self, head: JabatanData, tmt_cpns: date, entry: str) -> list[dict]:
        """A head started as pelaksana and was appointed to the post after some years."""
        level = jenjang(entry)
        first = self.rng.choice(cat.PELAKSANA_BY_JENJANG.get(level, cat.PELAKSANA_BY_JENJANG["S1"]))
        years = {JenisJabatan.JPT: 16, JenisJabatan.JA: 12, JenisJabatan.JP: 6}[head.jenis]
        earliest = min(add_years(tmt_cpns, years), AS_OF)
        appointed = (earliest + _days(self.rng, (AS_OF - earliest).days)).replace(day=1)
        appointed = max(appointed, add_years(tmt_cpns, 1))
        return [
            {
                "nama_jabatan": first,
                "jenis_jabatan": JenisJabatan.PELAKSANA,
                "eselon": "",
                "tmt": tmt_cpns,
                "jabatan_key": None,
                "unit_key": None,
                **self.sk.sk("jabatan", tmt_cpns),
            },
            self._jabatan_row(head, appointed),
        ]

    def _jf(self, jf: tuple[str, str], ranks) -> tuple[JabatanData, list[dict]]:
        """The JF post at the current level; a level change shows as a second history row."""
        kind, bidang = jf
        home = (cat.JF_AHLI if kind == "ahli" else cat.JF_TERAMPIL)[bidang]
        unit = self.org.unit_for_home(home)
        base = "Dokter" if bidang == "Dokter Spesialis" else bidang
        level = jf_level(kind, ranks[-1][0])
        jabatan = self.org.jabatan_for(
            unit,
            f"{base} {level}",
            JenisJabatan.JF,
            bup=jf_bup(bidang, level),
            kelas=_KELAS_JF[level],
        )
        first_level = jf_level(kind, ranks[0][0])
        if first_level == level:
            return jabatan, [self._jabatan_row(jabatan, ranks[0][1])]
        since = next(tmt for golongan, tmt, _ in ranks if jf_level(kind, golongan) == level)
        entry_row = {
            "nama_jabatan": f"{base} {first_level}",
            "jenis_jabatan": JenisJabatan.JF,
            "eselon": "",
            "tmt": ranks[0][1],
            "jabatan_key": None,
            "unit_key": unit,
            **self.sk.sk("jabatan", ranks[0][1]),
        }
        return jabatan, [entry_row, self._jabatan_row(jabatan, since)]


def _days(rng: random.Random, n: int) -> timedelta:
    return timedelta(days=rng.randint(0, max(n, 0)))


# Who may lead a unit by tugas tambahan in the demo, best first: a school by one of its teachers,
# a puskesmas or instalasi by a doctor (a demo choice, not a checked regulation).
_TUGAS_TAMBAHAN_BIDANG = {
    JenisTugasTambahan.KEPALA_SEKOLAH: ("Guru",),
    JenisTugasTambahan.KEPALA_PUSKESMAS: ("Dokter", "Dokter Gigi", "Apoteker"),
    JenisTugasTambahan.KEPALA_INSTALASI: ("Dokter Spesialis", "Dokter"),
}
_TUGAS_TAMBAHAN_SEJAK = date(AS_OF.year - 2, 1, 1)


def assign_tugas_tambahan(
    org: Org, profiles: list[Profile], sk: SkNumbers
) -> list[TugasTambahanData]:
    """Give every school, every puskesmas whose head position is vacant and every RSUD
    instalasi a head by tugas tambahan: the senior PNS of the right profession working there.
    Draws nothing from the random stream, so every other figure of the demo stays as it is."""
    filled = {p.person.jabatan_key for p in profiles}
    vacant_puskesmas = {j.unit_key for j in org.heads if j.kepala and j.key not in filled} & set(
        org.puskesmas_units
    )
    units = [(u, JenisTugasTambahan.KEPALA_SEKOLAH) for u in org.sekolah_units]
    units += [
        (u, JenisTugasTambahan.KEPALA_PUSKESMAS)
        for u in org.puskesmas_units
        if u in vacant_puskesmas
    ]
    units += [(u, JenisTugasTambahan.KEPALA_INSTALASI) for u in org.rsud_units]
    by_unit: dict[int, list[Profile]] = {}
    for p in profiles:
        if p.pns and p.group == "fungsional":
            by_unit.setdefault(p.person.unit_key, []).append(p)
    result = []
    for unit, jenis in units:
        bidang = _TUGAS_TAMBAHAN_BIDANG[jenis]
        staff = [p for p in by_unit.get(unit, ()) if p.bidang in bidang]
        if not staff:
            continue
        head = min(staff, key=lambda p: _seniority(p, bidang))
        tmt = max(head.tmt_jabatan, _TUGAS_TAMBAHAN_SEJAK).replace(day=1)
        number = sk.sk("tugas_tambahan", tmt)
        result.append(
            TugasTambahanData(
                head.person, unit, jenis, tmt, number["sk_nomor"], number["sk_tanggal"]
            )
        )
    return result


def _seniority(p: Profile, bidang: tuple[str, ...]) -> tuple:
    f = p.person.fields
    return (bidang.index(p.bidang), -golongan_order(f["golongan"]), p.start, f["nip"])
