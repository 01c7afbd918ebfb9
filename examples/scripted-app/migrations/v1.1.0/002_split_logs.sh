#!/bin/sh
# A shell step: run as '002_split_logs.sh check' and '002_split_logs.sh migrate' in the home.
# Exit 0: true (already done / applied), 1: false, anything else: an error.
set -eu
case "$1" in
  check)
    [ -d logs/archive ] || exit 1
    [ -z "$(find logs -maxdepth 1 -name '*.log' -print -quit)" ]
    ;;
  migrate)
    mkdir -p logs/archive
    find logs -maxdepth 1 -name '*.log' -exec mv {} logs/archive/ \;
    ;;
  *)
    echo "usage: $0 check|migrate" >&2
    exit 2
    ;;
esac
