# Shared by the CLI test scripts, sourced after `cd SOURCE_DIR`: a scratch
# directory $tmp removed at exit; `check NAME COMMAND...` counts a pass when the
# command succeeds; `contains FILE TEXT` and `not_contains FILE TEXT`; `finish` prints the tally and fails
# when anything failed.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name" >&2; fi
}
contains() { grep -qF -- "$2" "$1"; }
not_contains() { ! grep -qF -- "$2" "$1"; }
finish() {
  echo "$passed passed, $failed failed"
  test "$failed" -eq 0
}
