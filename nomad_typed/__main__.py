"""``python -m nomad_typed`` runs the ``nomad-typed`` command."""

import sys

from .cli import main

sys.exit(main())
