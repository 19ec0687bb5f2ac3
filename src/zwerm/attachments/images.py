"""Images as residents and staff upload them, made safe to publish (Pillow; no Django).

Every image is decoded and written anew: what is published is only the pixels. EXIF (camera, time, GPS
position), XMP, IPTC, comments and other metadata of the original are not copied; the orientation EXIF gave
is applied to the pixels first, so a photo taken upright stays upright. Two renditions are made: the image
at most `max_side` pixels on its longest side, and a card-size crop for lists. The type is read from the
content, never from the file's name; the pixel count is checked before the pixels are decoded, so a small
file that unpacks into a huge image (a "decompression bomb") is refused without using the memory.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError

# What is accepted: Pillow's format names (read from the content).
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
JPEG_QUALITY = 85
CARD_SIZE = (640, 360)


class ImageRefused(Exception):
    """The upload is not an image Zwerm publishes; `reason` is one of the codes below."""

    NOT_AN_IMAGE = "not_an_image"
    UNSUPPORTED = "unsupported"
    TOO_MANY_PIXELS = "too_many_pixels"
    TOO_SMALL = "too_small"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Rendition:
    data: bytes
    width: int
    height: int
    content_type: str
    extension: str


@dataclass(frozen=True)
class SafeImage:
    full: Rendition
    card: Rendition


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def _encode(image: Image.Image, *, alpha: bool) -> Rendition:
    out = io.BytesIO()
    if alpha:
        image = image.convert("RGBA")
        # No exif=, no icc_profile=, no pnginfo=: nothing but the pixels is written.
        image.save(out, format="PNG", optimize=True)
        return Rendition(out.getvalue(), image.width, image.height, "image/png", "png")
    image = image.convert("RGB")
    image.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return Rendition(out.getvalue(), image.width, image.height, "image/jpeg", "jpg")


def make_safe_image(
    source: BinaryIO, *, max_side: int = 1600, max_pixels: int = 40_000_000, min_side: int = 32
) -> SafeImage:
    """Decode `source`, check it, and return the published renditions without any of its metadata."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(source)
            image_format = image.format
            width, height = image.size
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning, OSError) as error:
        if isinstance(error, Image.DecompressionBombError | Image.DecompressionBombWarning):
            raise ImageRefused(ImageRefused.TOO_MANY_PIXELS) from error
        raise ImageRefused(ImageRefused.NOT_AN_IMAGE) from error
    if image_format not in ACCEPTED_FORMATS:
        raise ImageRefused(ImageRefused.UNSUPPORTED)
    if width * height > max_pixels:
        raise ImageRefused(ImageRefused.TOO_MANY_PIXELS)
    if min(width, height) < min_side:
        raise ImageRefused(ImageRefused.TOO_SMALL)
    try:
        image.load()
        # The orientation the camera wrote in EXIF, applied to the pixels (EXIF itself is not kept).
        image = ImageOps.exif_transpose(image)
    except (OSError, ValueError, SyntaxError) as error:  # a truncated or broken file
        raise ImageRefused(ImageRefused.NOT_AN_IMAGE) from error
    alpha = _has_alpha(image)
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if alpha else "RGB")
    full = image.copy()
    full.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    card = ImageOps.fit(image, CARD_SIZE, Image.Resampling.LANCZOS)
    return SafeImage(full=_encode(full, alpha=alpha), card=_encode(card, alpha=alpha))


def is_pdf(head: bytes) -> bool:
    """Whether a file starts as a PDF does (the first bytes; the name and the declared type are not trusted)."""
    return head.lstrip(b"\x00\t\n\r ")[:5] == b"%PDF-"
