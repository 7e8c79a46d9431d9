"""`make bench`: run every bench/*_bench.py in turn (each prints its own markdown table)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    status = 0
    for script in sorted(HERE.glob("*_bench.py")):
        print(f"\n## {script.stem}  (python bench/{script.name})", flush=True)
        status |= subprocess.run([sys.executable, str(script)]).returncode
    sys.exit(status)
