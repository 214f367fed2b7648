#!/usr/bin/env bash
# Sets everything up (see setup.sh) and opens the console on its embedded engine.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$here/scripts/setup.sh"
exec "$here/build/app/replicadesk" "$@"
