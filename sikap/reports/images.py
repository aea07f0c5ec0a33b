"""Stored pictures (a signature, a coat of arms on a letterhead) inlined in a printed document:
the PDF renderer loads nothing by URL, so a picture goes in as a data: URI."""

import base64


def image_data_uri(data: bytes) -> str:
    """A PNG or JPEG (the kinds the upload forms accept) as a data: URI."""
    kind = "png" if data.startswith(b"\x89PNG") else "jpeg"
    return f"data:image/{kind};base64," + base64.b64encode(data).decode()
