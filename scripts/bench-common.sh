# Shared by the load benchmarks (sourced): starting a release `connex serve`
# and running wrk against it. Expects $connex, $data and the array pids.
# serve NAME [ARGS...]: starts a server on a random port with the web app from
# $web (none when unset) and signs the coordinator in: sets $port, $cookie.
serve() {
  local name=$1; shift
  port=$((20000 + RANDOM % 20000))
  "$connex" serve --port "$port" --web "${web:-}" "$@" >/dev/null 2>"$data/$name.log" &
  pids+=($!)
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
  cookie=$(curl -si -X POST "http://127.0.0.1:$port/api/v1/session" -H 'Content-Type: application/json' \
    -d '{"email":"coordinator@connex.example","password":"connex-demo-2026"}' |
    sed -n 's/^Set-Cookie: \(connex_session=[^;]*\).*/\1/p' | tr -d '\r')
  test -n "$cookie" || { echo "bench: could not sign in on $name" >&2; exit 1; }
}
run() {  # run NAME PATH CONNECTIONS [HEADER]
  local out rps p50 p99 non2xx timeouts
  # A long timeout: a request wrk gave up on would keep the server busy into the next run.
  out=$(wrk -t2 -c"$3" -d"${seconds}s" --timeout 60s --latency ${4:+-H "$4"} "http://127.0.0.1:$port$2")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  timeouts=$(sed -n 's/.*timeout \([1-9][0-9]*\).*/\1/p' <<<"$out")
  printf '%-34s %6s %12s %10s %10s%s%s\n' "$1" "$3" "$rps" "$p50" "$p99" \
    "${non2xx:+  (non-2xx: $non2xx)}" "${timeouts:+  (timeouts: $timeouts)}"
  sleep 3  # the last answers drain before the next run
}
header() { printf '%-34s %6s %12s %10s %10s\n' "$1" conns requests/s p50 p99; }

