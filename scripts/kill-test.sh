#!/usr/bin/env bash
# Sends N real SIGKILLs to child `telec migrate` runs and checks every home after each (see KillHarness):
#   scripts/kill-test.sh 1000            # N kills (default 100); -Dtelec.seed=S to replay a seed
# Prints "[reliability] seed S: N kills survived (...): 0 lost, 0 doubled, 0 corrupt, 0 stale locks" or fails.
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-100}"
shift || true
exec mvn -B -q -pl adapters-cli -am verify -Dtest=KillTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtelec.kills="$kills" -Dsurefire.timeout=0 "$@"
