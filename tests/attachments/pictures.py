"""Image files made in the test itself: a phone photo with camera details and a GPS position in EXIF."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

CAMERA = "Zwermfoon 12 Pro"


def phone_photo(*, size=(2400, 1200), orientation: int = 6, fmt: str = "JPEG") -> bytes:
    """A photo as a phone writes it: EXIF with make, model, orientation (6: turned 90°) and GPS."""
    image = Image.new("RGB", size, (30, 120, 200))
    for x in range(0, size[0] // 4):  # a red block top-left, to see the orientation applied
        for y in range(0, size[1] // 4, 8):
            image.putpixel((x, y), (220, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Zwermfoon"
    exif[ExifTags.Base.Model] = CAMERA
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.DateTime] = "2026:12:01 10:11:12"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 5.0, 30.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (5.0, 7.0, 12.25)
    out = io.BytesIO()
    image.save(out, fmt, exif=exif)
    return out.getvalue()


def png_with_alpha(size=(300, 200)) -> bytes:
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.paste((10, 200, 10, 255), (50, 50, 150, 150))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def upload(data: bytes, name: str = "IMG_20261201_101112.jpg", content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)
