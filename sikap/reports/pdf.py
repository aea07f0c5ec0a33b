"""Render a Django template to a PDF with WeasyPrint.

The templates carry their own CSS and images as data: URIs, so the renderer is allowed to fetch
nothing else: personal data in the HTML can never make the server request a URL.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict, request=None) -> bytes:
    # Imported here so that a server without WeasyPrint's system libraries (pango) still starts;
    # only the PDF pages need them.
    from weasyprint import HTML, URLFetcher

    html = render_to_string(template_name, context, request=request)
    fetcher = URLFetcher(allowed_protocols=("data",))
    return HTML(string=html, url_fetcher=fetcher).write_pdf()


def pdf_response(content: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    """An "Unduh PDF" downloads (attachment); `inline=True` is for a preview shown in the page."""
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
