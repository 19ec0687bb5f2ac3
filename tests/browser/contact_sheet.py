"""Contact sheets: every screenshot the browser tests took, joined into one PNG per role, so that a person can look
at the whole product in a minute (issue #12).

The browser tests save `NAME.png` (1280 px wide) and `NAME@390.png` (a phone) for every page they check, and
`NAME-en.png` / `NAME-en@390.png` for pages also checked in English. The role is the first part of the name
(`resident-03-...`, `lead-...`, `council-...`); names without a numbered role prefix are filed under "pages".
Each page becomes one cell: both widths side by side at the same scale, the top of a long page only, the name
under it. Run by `scripts/contact-sheet` (or at the end of a browser test run); writes
test-artifacts/contact-sheets/<role>.png.
"""

import re
import sys
from collections import defaultdict
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
SHEETS = ROOT / "test-artifacts" / "contact-sheets"

SCALE = 0.25  # 1280 px -> 320 px, 390 px -> about 98 px
MAX_PAGE_HEIGHT = 2400  # of a long page, the first 2400 px are shown
COLUMNS = 4
GAP, CAPTION = 16, 18
ROLE = re.compile(r"^(?P<role>[a-z]+(?:-[a-z]+)*?)-\d{2}-")


def role_of(name: str) -> str:
    match = ROLE.match(name)
    return match.group("role") if match else "pages"


def pages_by_role(folder: Path) -> dict[str, list[tuple[str, Path, Path | None]]]:
    """{role: [(page name, wide screenshot, narrow screenshot or None), ...]} in the order of the names."""
    grouped = defaultdict(list)
    # Each page in Dutch first, then the same page in English.
    for wide in sorted(folder.glob("*.png"), key=lambda p: (p.stem.removesuffix("-en"), p.stem.endswith("-en"))):
        if "@" in wide.stem:
            continue
        narrow = wide.with_name(f"{wide.stem}@390.png")
        grouped[role_of(wide.stem)].append((wide.stem, wide, narrow if narrow.exists() else None))
    return dict(grouped)


def _thumbnail(path: Path) -> Image.Image:
    with Image.open(path) as image:
        image = image.convert("RGB")
        image = image.crop((0, 0, image.width, min(image.height, MAX_PAGE_HEIGHT)))
        return image.resize((max(1, round(image.width * SCALE)), max(1, round(image.height * SCALE))))


def _cell(name: str, wide: Path, narrow: Path | None, font) -> Image.Image:
    parts = [_thumbnail(wide)] + ([_thumbnail(narrow)] if narrow else [])
    width = sum(p.width for p in parts) + GAP // 2 * (len(parts) - 1)
    height = max(p.height for p in parts) + CAPTION
    cell = Image.new("RGB", (width, height), "white")
    x = 0
    for part in parts:
        cell.paste(part, (x, 0))
        ImageDraw.Draw(cell).rectangle((x, 0, x + part.width - 1, part.height - 1), outline="#999999")
        x += part.width + GAP // 2
    ImageDraw.Draw(cell).text((0, height - CAPTION + 3), name, fill="black", font=font)
    return cell


def contact_sheet(pages: list[tuple[str, Path, Path | None]]) -> Image.Image:
    font = ImageFont.load_default()
    cells = [_cell(name, wide, narrow, font) for name, wide, narrow in pages]
    rows = [cells[i : i + COLUMNS] for i in range(0, len(cells), COLUMNS)]
    column_width = max(c.width for c in cells)
    heights = [max(c.height for c in row) for row in rows]
    sheet = Image.new("RGB", (COLUMNS * (column_width + GAP) + GAP, sum(heights) + GAP * (len(rows) + 1)), "#eeeeee")
    y = GAP
    for row, height in zip(rows, heights, strict=True):
        for i, cell in enumerate(row):
            sheet.paste(cell, (GAP + i * (column_width + GAP), y))
        y += height + GAP
    return sheet


def write_contact_sheets(folder: Path = SCREENSHOTS, out: Path = SHEETS) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for role, pages in sorted(pages_by_role(folder).items()):
        target = out / f"{role}.png"
        contact_sheet(pages).save(target, optimize=True)
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else SCREENSHOTS
    if not any(folder.glob("*.png")):
        print(f"No screenshots in {folder}: run the browser tests first (./scripts/test tests/browser).")
        return 1
    for path in write_contact_sheets(folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
