import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _seeds() -> Path:
	"""The county seeds the rules quote: $IH_SEEDS, else a `shared/seeds` beside the checkout or above it,
	else the workplace's own copy. A test that quotes a seed fails (it is not skipped) when none is found."""
	candidates = [Path(os.environ["IH_SEEDS"])] if os.environ.get("IH_SEEDS") else []
	candidates += [parent / "shared" / "seeds" for parent in ROOT.parents]
	candidates.append(Path("/work/shared/seeds"))
	for candidate in candidates:
		if candidate.is_dir() and any(candidate.glob("00*_*.txt")):
			return candidate
	return ROOT.parent / "shared" / "seeds"


SEEDS = _seeds()
