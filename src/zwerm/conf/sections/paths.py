from pathlib import Path

from ..env import env_str

# src/zwerm/conf/sections/paths.py -> src/zwerm
PACKAGE_DIR = Path(__file__).resolve().parents[2]
# The checkout (or the working directory when installed elsewhere) holds the data folder.
DATA_DIR = Path(env_str("ZWERM_DATA_DIR", str(Path.cwd() / "data"))).resolve()
