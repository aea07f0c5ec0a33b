"""The KGB letter as DOCX: the committed Word template (docx_template.py) filled by docxtpl
from the same context as the PDF; images (arms, signature, QR) become inline pictures."""

import base64
import io

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from sikap.lkj.pdf import paper
from sikap.reports.qr import qr_png
from sikap.salary.docx_template import TEMPLATE
from sikap.salary.letter import letter_context


def _image(tpl, uri: str, width_mm: int):
    """A base64 data: URI (PNG/JPEG) as an inline picture; "" stays empty."""
    if not uri:
        return ""
    return InlineImage(tpl, io.BytesIO(base64.b64decode(uri.partition(",")[2])), width=Mm(width_mm))


def letter_docx(kgb, *, terbit=None, paper_code: str = "a4") -> bytes:
    tpl = DocxTemplate(TEMPLATE)
    context = letter_context(kgb, terbit=terbit, paper_code=paper_code)
    context.update(
        lambang=_image(tpl, context["lambang"], 20),
        ttd_gambar=_image(tpl, context["ttd_gambar"], 35),
        qr=InlineImage(tpl, io.BytesIO(qr_png(terbit.verification_url)), width=Mm(24))
        if terbit
        else "",
    )
    tpl.render(context, autoescape=True)
    size = paper(paper_code)
    section = tpl.docx.sections[0]
    section.page_width, section.page_height = Mm(size.width_mm), Mm(size.height_mm)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()
