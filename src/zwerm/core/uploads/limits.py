"""A size limit that holds before the file is read.

`declared_too_large(request, limit)` looks at the declared Content-Length (nothing read yet);
`limit_uploads(request, limit)` installs handlers that stream the file to a temporary file on disk and stop
the upload as soon as more than `limit` bytes arrived (a client may leave out Content-Length or send more than
it declared). Both must run before anything reads request.POST or request.FILES, which is why Django's CSRF
check (it reads the body) has to wait: `upload_limit` is the decorator that does all of this for a view.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.files.uploadhandler import FileUploadHandler, StopUpload, TemporaryFileUploadHandler
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

FORM_OVERHEAD = 64 * 1024  # the other fields and the multipart boundaries around the file

Limit = int | Callable[[], int]


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


def too_large_message(limit: int) -> str:
    if limit >= 2**20 and limit % 2**20 == 0:
        return _("Het bestand is te groot (hoogstens %(mb)d MB).") % {"mb": limit // 2**20}
    return _("Het bestand is te groot (hoogstens %(kb)d kB).") % {"kb": max(1, limit // 1024)}


def refuse_with_message(request: HttpRequest, limit: int) -> HttpResponse:
    """The default answer to a file that is too large: back to the same page (GET) with the message."""
    messages.error(request, too_large_message(limit))
    return redirect(request.get_full_path())


def upload_limit(
    limit: Limit, *, refuse: Callable[[HttpRequest, int], HttpResponse] = refuse_with_message
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """A view that takes a file: a POST that declares more than `limit` bytes is refused before anything is
    read; otherwise its files stream to a temporary file and a file past `limit` stops the upload, after which
    the CSRF check runs and `refuse(request, limit)` answers. `limit` may be a function (a setting read per
    request). Put it under the log-in/role decorators, which need nothing from the body."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST":
                request.FILES  # noqa: B018  (reads the body through the limit, if the CSRF check has not)
            if upload_too_large(request):
                return refuse(request, request.upload_limit)  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        protected = csrf_protect(checked)

        @csrf_exempt  # the CSRF check reads the body, so it runs in `protected`, once the limit is in place
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST":
                bytes_allowed = limit() if callable(limit) else limit
                request.upload_limit = bytes_allowed  # type: ignore[attr-defined]
                if declared_too_large(request, bytes_allowed):
                    return refuse(request, bytes_allowed)
                limit_uploads(request, bytes_allowed)
            return protected(request, *args, **kwargs)

        return wrapper

    return decorator
