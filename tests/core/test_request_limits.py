"""Request bodies over their cap are refused before anything reads them (finding 3)."""

import io
import json

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory

from sikap.core.request_limits import limit_for

MB = 1024 * 1024


class CountingInput:
    """A client sending `size` bytes (or without end): counts what the server reads."""

    def __init__(self, size: int | None = None):
        self.size = size
        self.read_bytes = 0

    def _give(self, n):
        if n is None or n < 0:
            n = (self.size if self.size is not None else 10 * MB) - self.read_bytes
        if self.size is not None:
            n = min(n, self.size - self.read_bytes)
        self.read_bytes += n
        return b"a" * n

    def read(self, n=-1):
        return self._give(n)

    def readline(self, n=-1):
        return self._give(n if n is not None and n >= 0 else 64 * 1024)


def _call(
    path,
    body: CountingInput,
    *,
    length: int | None,
    content_type="multipart/form-data; boundary=xyz",
):
    environ = RequestFactory()._base_environ(
        PATH_INFO=path, REQUEST_METHOD="POST", CONTENT_TYPE=content_type
    )
    environ["wsgi.input"] = body
    environ["HTTP_COOKIE"] = "csrftoken=" + "k" * 32  # so CSRF reads the form for its token
    if length is None:
        environ.pop("CONTENT_LENGTH", None)
        environ["HTTP_TRANSFER_ENCODING"] = "chunked"
    else:
        environ["CONTENT_LENGTH"] = str(length)
    started = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=status, headers=dict(headers))

    content = b"".join(WSGIHandler()(environ, start_response))
    return int(started["status"].split()[0]), started["headers"], content


@pytest.fixture
def no_temporary_files(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("an upload was written to a temporary file")

    monkeypatch.setattr("django.core.files.uploadedfile.TemporaryUploadedFile.__init__", refuse)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/verifikasi/tidak-ada-token", "/masuk/", "/impor/siasn/"])
def test_anonymous_120_mb_post_is_refused_without_reading_the_body(path, no_temporary_files):
    body = CountingInput(120 * MB)
    status, headers, content = _call(path, body, length=120 * MB)
    assert status == 413
    assert body.read_bytes == 0
    assert "Data yang dikirim terlalu besar" in content.decode()
    assert headers["Content-Type"].startswith("text/html")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/masuk/", "/verifikasi/tidak-ada-token"])
def test_a_chunked_body_is_read_only_up_to_the_cap(path, no_temporary_files, settings):
    # Caps under Django's own 10 MB form limit, so that it is ours that stops the reading.
    settings.SIKAP_REQUEST_PATH_LIMITS = {"/masuk/": 64 * 1024, "/verifikasi/": 1 * MB}
    body = CountingInput(None)  # never ends
    status, _headers, content = _call(
        path, body, length=None, content_type="application/x-www-form-urlencoded"
    )
    assert status == 413
    assert body.read_bytes <= limit_for(path) + 64 * 1024
    assert "terlalu besar" in content.decode()


@pytest.mark.django_db
def test_a_small_chunked_body_still_reaches_the_view():
    body = io.BytesIO(b"username=x&password=y")
    environ_body = CountingInput(None)
    environ_body.read = body.read
    environ_body.readline = body.readline
    status, _headers, _content = _call(
        "/masuk/", environ_body, length=None, content_type="application/x-www-form-urlencoded"
    )
    assert status == 403  # CSRF read the whole form and found no token in it


@pytest.mark.django_db
def test_under_api_the_refusal_is_the_json_error_shape():
    body = CountingInput(120 * MB)
    status, headers, content = _call(
        "/api/v1/akun/masuk", body, length=120 * MB, content_type="application/json"
    )
    assert status == 413 and body.read_bytes == 0
    assert headers["Content-Type"] == "application/json"
    error = json.loads(content)
    assert error["code"] == "terlalu_besar"
    assert "terlalu besar" in error["message"] and error["details"] == []


def test_the_longest_matching_prefix_sets_the_cap(settings):
    settings.SIKAP_REQUEST_MAX_BYTES = 10 * MB
    settings.SIKAP_REQUEST_PATH_LIMITS = {"/a/": 1 * MB, "/a/b/": 2 * MB}
    assert limit_for("/a/b/c") == 2 * MB
    assert limit_for("/a/x") == 1 * MB
    assert limit_for("/z/") == 10 * MB


@pytest.mark.django_db
def test_a_body_within_the_cap_is_served_as_before(client):
    response = client.post("/masuk/", {"username": "x", "password": "y"})
    assert response.status_code == 200
