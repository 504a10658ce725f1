#!/usr/bin/env bash
# Makes sure the PostgreSQL server the tests use (TEST_POSTGRES_URL, default
# postgresql://postgres@127.0.0.1:5432/postgres) accepts connections, so
# `npm run test:postgres` (and `.ci/run`) also pass on a fresh machine:
#   1. already reachable: nothing to do;
#   2. a local server that is installed but stopped: start it (Debian's pg_ctlcluster);
#   3. not installed: install Debian's `postgresql` package (needs root and apt),
#      start it and let the local `postgres` user in without a password over
#      127.0.0.1 (trust), as on the development machines.
# Then drops test databases (cohort_test_<pid>_…, the bench test's
# cohort_test_bench_<pid>…) left behind by test runs whose process is gone
# (on this machine) and that nothing is connected to.
set -euo pipefail
cd "$(dirname "$0")/.."

url="${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"

# Exit 0 when `url` accepts a connection; prints the reason otherwise.
probe() {
  node -e '
    const pg = require("pg");
    const client = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    client.connect().then(() => client.end()).then(() => process.exit(0), (error) => { console.error(error.message); process.exit(1); });
  ' "$url"
}

drop_stale_test_databases() {
  node -e '
    const pg = require("pg");
    const client = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (error) { return error.code === "EPERM"; } };
    (async () => {
      await client.connect();
      const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE $1", ["cohort\\_test\\_%"]);
      for (const { datname } of rows) {
        // cohort_test_<pid>_<hex>, or cohort_test_bench_<pid> (and its _template) of the bench test.
        const match = /^cohort_test_(?:(\d+)_[0-9a-f]+|bench_(\d+)(?:_template)?)$/.exec(datname);
        if (match === null || alive(Number(match[1] ?? match[2]))) continue;
        // Without FORCE: the connections of a crashed run are gone, so a database still connected to is in use by a run
        // this machine cannot see (another container on the same server): the drop fails and it is kept.
        await client.query(`DROP DATABASE IF EXISTS "${datname}"`).catch((error) => console.error(`ensure-postgres: kept ${datname}: ${error.message}`));
      }
      await client.end();
    })().catch((error) => { console.error(`ensure-postgres: could not tidy old test databases: ${error.message}`); process.exit(0); });
  ' "$url"
}

if probe 2>/dev/null; then
  drop_stale_test_databases
  exit 0
fi

host_port="$(node -e 'const u = new URL(process.argv[1]); console.log(`${u.hostname || "localhost"} ${u.port || 5432}`)' "$url")"
host="${host_port% *}"
port="${host_port#* }"
if [[ "$host" != "127.0.0.1" && "$host" != "localhost" && "$host" != "::1" && "$host" != "[::1]" ]]; then
  echo "ensure-postgres: cannot reach $host:$port and it is not this machine; start that server or change TEST_POSTGRES_URL." >&2
  probe || true
  exit 1
fi

installed_now=false
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [[ "$(id -u)" != "0" ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-postgres: PostgreSQL is not installed. Install it (Debian/Ubuntu: apt-get install postgresql) or set TEST_POSTGRES_URL to a running server." >&2
    exit 1
  fi
  echo "ensure-postgres: installing PostgreSQL (Debian package postgresql)…"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  installed_now=true
fi

if [[ "$(id -u)" != "0" && "$(id -un)" != "postgres" ]]; then
  echo "ensure-postgres: PostgreSQL is installed but nothing accepts connections on $host:$port; start it (as root: pg_ctlcluster --skip-systemctl-redirect <version> main start)." >&2
  exit 1
fi

# The cluster serving the URL's port, else a `main` cluster of the newest version (created if missing).
read -r version cluster < <(pg_lsclusters --no-header 2>/dev/null | awk -v port="$port" '$3 == port { print $1, $2; exit }') || true
if [[ -z "${version:-}" ]]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  cluster=main
  if [[ -d "/etc/postgresql/$version/main" ]]; then
    echo "ensure-postgres: PostgreSQL $version's main cluster does not use port $port; set TEST_POSTGRES_URL to its port." >&2
    exit 1
  fi
  pg_createcluster --port "$port" "$version" main
  installed_now=true
fi

if [[ "$installed_now" == true ]]; then
  # A fresh cluster asks for passwords over TCP; the tests connect as the
  # `postgres` user without one, from this machine only.
  hba="/etc/postgresql/$version/$cluster/pg_hba.conf"
  if ! grep -q "cohort-bot tests" "$hba"; then
    { echo "# cohort-bot tests: local TCP connections without a password"
      echo "host all all 127.0.0.1/32 trust"
      echo "host all all ::1/128 trust"
      cat "$hba"; } > "$hba.new"
    mv "$hba.new" "$hba"
    chown postgres:postgres "$hba"
  fi
fi

if pg_lsclusters --no-header "$version" "$cluster" 2>/dev/null | grep -q online; then
  # Running already (Debian's package may start it when installed): read the new pg_hba.conf.
  if [[ "$installed_now" == true ]]; then pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" reload; fi
else
  echo "ensure-postgres: starting PostgreSQL $version/$cluster…"
  pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
fi

for _ in $(seq 1 60); do
  if probe 2>/dev/null; then
    drop_stale_test_databases
    exit 0
  fi
  sleep 0.5
done
echo "ensure-postgres: PostgreSQL $version/$cluster is running but $url does not accept connections:" >&2
probe || true
exit 1
