"""`python -m autoresponder.generate_data.demo [OUT]`: write the demo set (default `seeds`)."""

import sys
from pathlib import Path

from autoresponder.generate_data.demo import write_demo

print(write_demo(Path(sys.argv[1] if len(sys.argv) > 1 else "seeds")))
