"""Home card of the digital personnel file for a pegawai: what was rejected and why, and which
mandatory documents are still missing, with the completeness figure. Four queries."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from sikap.core import home
from sikap.documents import completeness
from sikap.documents.models import Dokumen
from sikap.documents.selectors import rejection_reasons
from sikap.people.models import Pegawai

# A rejection stays on the home page until a new version is uploaded, or this long.
REJECTION_SHOWN = timedelta(days=90)


@home.card
def arsip_saya(user, today):
    if not user.pegawai_id:
        return
    pegawai = Pegawai.objects.filter(pk=user.pegawai_id).only("nip", "status").first()
    if pegawai is None:
        return
    types = completeness.mandatory_types()
    [row] = completeness.flag_rows(Pegawai.objects.filter(pk=pegawai.pk), types) or [None]
    required = len(row.required) if row else 0
    missing = completeness.names(row.missing, types) if row else []
    rejected = list(
        Dokumen.objects.filter(
            pegawai_id=pegawai.pk,
            state=Dokumen.Status.DITOLAK,
            superseded_by__isnull=True,
            uploaded_at__gte=timezone.now() - REJECTION_SHOWN,
        )
        .select_related("jenis")
        .order_by("-uploaded_at")
    )
    reasons = rejection_reasons(rejected)
    arsip = reverse("documents:arsip_pegawai", args=[pegawai.nip])
    context = {
        "rejected": [
            {"dokumen": d, "alasan": reasons.get(d.pk, ""), "url": f"{arsip}#jenis-{d.jenis.kode}"}
            for d in rejected
        ],
        "missing": missing,
        "required": required,
        "present": required - len(missing),
        "persen": round(100 * (required - len(missing)) / required) if required else 100,
        "arsip": arsip,
    }
    yield home.Card(
        key="documents.arsip_saya",
        title="Dokumen Anda",
        template="documents/cards/arsip_saya.html",
        order=home.TODO + (5 if rejected else 30),
        context=context,
        empty=not (rejected or missing),
    )
