"""Uploads with a size limit that holds before the file is read.

`refuse_large_upload(request, limit)` looks at the declared Content-Length first (nothing read yet);
`limit_uploads(request, limit)` then installs handlers that stream the file to a temporary file on disk and stop
the upload as soon as more than `limit` bytes arrived (a client may leave out Content-Length or send more than
it declared). Call both before anything reads request.POST or request.FILES: the view must be csrf_exempt with
its work in a csrf_protect function (Django reads the body for the CSRF check), as Django's documentation on
upload handlers describes.
"""

from django.core.files.uploadhandler import FileUploadHandler, StopUpload, TemporaryFileUploadHandler
from django.http import HttpRequest

FORM_OVERHEAD = 64 * 1024  # the other fields and the multipart boundaries around the file


def declared_too_large(request: HttpRequest, limit: int) -> bool:
    """Whether the request says it carries more than the file limit (plus the form around it)."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return declared > limit + FORM_OVERHEAD


class SizeLimitHandler(FileUploadHandler):
    """Counts the bytes of each file as they arrive and stops the upload past the limit."""

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            self.request.upload_too_large = True  # type: ignore[union-attr]
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def limit_uploads(request: HttpRequest, limit: int) -> None:
    """From now on this request's files go to disk in chunks and stop past `limit` bytes
    (then `upload_too_large(request)` is true and the file is missing from request.FILES)."""
    request.upload_too_large = False  # type: ignore[attr-defined]
    request.upload_handlers = [SizeLimitHandler(request, limit), TemporaryFileUploadHandler(request)]


def upload_too_large(request: HttpRequest) -> bool:
    return bool(getattr(request, "upload_too_large", False))
