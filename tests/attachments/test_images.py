"""Images are published as pixels only: re-encoded, resized, without EXIF, GPS or other metadata."""

import io

import pytest
from PIL import ExifTags, Image

from zwerm.attachments.images import CARD_SIZE, ImageRefused, is_pdf, make_safe_image

from .pictures import CAMERA, PDF, phone_photo, png_with_alpha


def _open(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_a_phone_photo_loses_its_gps_position_and_camera_details():
    original = phone_photo()
    assert _open(original).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test photo does carry a position
    safe = make_safe_image(io.BytesIO(original))
    for rendition in (safe.full, safe.card):
        published = _open(rendition.data)
        assert not published.getexif()  # no EXIF at all: no GPS, camera, time or orientation
        assert "exif" not in published.info and "icc_profile" not in published.info
        assert CAMERA.encode() not in rendition.data and b"Exif" not in rendition.data
        assert rendition.content_type == "image/jpeg" and published.format == "JPEG"


def test_the_orientation_is_applied_to_the_pixels_and_the_photo_is_made_smaller():
    safe = make_safe_image(io.BytesIO(phone_photo(size=(2400, 1200), orientation=6)), max_side=1600)
    # 2400 x 1200 taken with the phone turned: upright it is 1200 wide and 2400 high, then at most 1600.
    assert (safe.full.width, safe.full.height) == (800, 1600)
    assert _open(safe.full.data).size == (800, 1600)
    assert (safe.card.width, safe.card.height) == CARD_SIZE


def test_transparency_stays_as_png():
    safe = make_safe_image(io.BytesIO(png_with_alpha()))
    assert safe.full.content_type == "image/png"
    assert _open(safe.full.data).mode == "RGBA"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Dit is geen afbeelding maar tekst met een .jpg-naam", ImageRefused.NOT_AN_IMAGE),
        (PDF, ImageRefused.NOT_AN_IMAGE),
        (phone_photo(size=(300, 300))[:400], ImageRefused.NOT_AN_IMAGE),  # cut off
    ],
)
def test_what_is_not_a_readable_image_is_refused(data, reason):
    with pytest.raises(ImageRefused) as refused:
        make_safe_image(io.BytesIO(data))
    assert refused.value.reason == reason


def test_a_gif_is_refused_by_its_content():
    out = io.BytesIO()
    Image.new("RGB", (64, 64)).save(out, "GIF")
    with pytest.raises(ImageRefused) as refused:
        make_safe_image(io.BytesIO(out.getvalue()))
    assert refused.value.reason == ImageRefused.UNSUPPORTED


def test_too_many_pixels_is_refused_before_decoding():
    data = phone_photo(size=(1000, 1000))
    with pytest.raises(ImageRefused) as refused:
        make_safe_image(io.BytesIO(data), max_pixels=999_999)
    assert refused.value.reason == ImageRefused.TOO_MANY_PIXELS


def test_pdf_is_recognised_by_its_first_bytes():
    assert is_pdf(PDF)
    assert not is_pdf(b"<html>%PDF-")
