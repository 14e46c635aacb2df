# Shared helpers of scripts/test and scripts/demo (sourced, not run).
# A bench is a plain Frappe bench directory (apps/, sites/, env/). Bench commands run as the
# bench's owner: Frappe's bench refuses root, so a root caller switches to that user.

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

bench_owner() { stat -c %U "$1"; }

# run a command inside the bench directory, as its owner
as_bench() {
	local bench=$1
	shift
	if [ "$(id -u)" = 0 ] && [ "$(bench_owner "$bench")" != root ]; then
		runuser -u "$(bench_owner "$bench")" -- env HOME="$(getent passwd "$(bench_owner "$bench")" | cut -d: -f6)" \
			PATH="$PATH" bash -c 'cd "$0" && "$@"' "$bench" "$@"
	else
		(cd "$bench" && "$@")
	fi
}

# `frappe` CLI of the bench (what `bench --site S ...` runs), without needing the bench CLI
frappe_cli() {
	local bench=$1
	shift
	as_bench "$bench" bash -c 'cd sites && ../env/bin/python -m frappe.utils.bench_helper frappe "$@"' frappe "$@"
}

# the same under a faked clock starting at DATETIME (Debian's faketime): what a site does on that date
frappe_cli_at() {
	local at=$1 bench=$2
	shift 2
	as_bench "$bench" faketime "$at" bash -c 'cd sites && ../env/bin/python -m frappe.utils.bench_helper frappe "$@"' frappe "$@"
}

is_bench() { [ -f "$1/sites/apps.txt" ] && [ -x "$1/env/bin/python" ] && [ -d "$1/apps/frappe" ]; }

# find a bench: $IH_BENCH, then the usual places
find_bench() {
	local candidate
	for candidate in "${IH_BENCH:-}" "$HOME/frappe-bench" /home/*/frappe-bench /opt/frappe-bench; do
		[ -n "$candidate" ] && is_bench "$candidate" && { echo "$candidate"; return 0; }
	done
	return 1
}

# put this checkout into the bench as apps/insurance_hall, installed in the bench's Python
install_checkout() {
	local bench=$1 owner target
	owner=$(bench_owner "$bench")
	target="$bench/apps/insurance_hall"
	if [ "$(readlink -f "$target" 2>/dev/null)" != "$(readlink -f "$REPO_ROOT")" ]; then
		[ -L "$target" ] && rm "$target"
		mkdir -p "$target"
		if command -v rsync >/dev/null; then
			rsync -a --delete --exclude .git --exclude __pycache__ --exclude '*.egg-info' "$REPO_ROOT/" "$target/"
		else
			find "$target" -mindepth 1 -delete
			(cd "$REPO_ROOT" && tar --exclude=.git --exclude=__pycache__ -cf - .) | (cd "$target" && tar -xf -)
		fi
		[ "$(id -u)" = 0 ] && chown -R "$owner" "$target"
	fi
	# installed, with its dependencies (a new dependency in pyproject.toml reinstalls)
	if ! as_bench "$bench" ./env/bin/python -c 'import insurance_hall.hooks, holidays' >/dev/null 2>&1; then
		as_bench "$bench" ./env/bin/python -m pip install -q -e apps/insurance_hall >/dev/null || return 1
	fi
	grep -qx insurance_hall "$bench/sites/apps.txt" || as_bench "$bench" bash -c 'printf "\ninsurance_hall" >> sites/apps.txt; sed -i "/^$/d" sites/apps.txt'
}

# db root credentials for new-site: env first, then the bench's common_site_config
db_root_args() {
	local bench=$1 user pass
	user=${IH_DB_ROOT_USER:-$(as_bench "$bench" ./env/bin/python -c 'import json;print(json.load(open("sites/common_site_config.json")).get("root_login",""))')}
	pass=${IH_DB_ROOT_PASSWORD:-$(as_bench "$bench" ./env/bin/python -c 'import json;print(json.load(open("sites/common_site_config.json")).get("root_password",""))')}
	[ -n "$user" ] && printf -- '--db-root-username\n%s\n' "$user"
	[ -n "$pass" ] && printf -- '--db-root-password\n%s\n' "$pass"
	return 0
}

# ---------------------------------------------------------------- demo sites and serving them
# Shared by scripts/demo and the browser layer of scripts/test.

# a fresh site with the app installed (an existing site of that name is replaced)
new_hall_site() {
	local bench=$1 site=$2
	local -a root_args
	mapfile -t root_args < <(db_root_args "$bench")
	frappe_cli "$bench" new-site "$site" --force --admin-password admin "${root_args[@]}" --install-app insurance_hall
}

# a county's profile and the demo departments, windows, people, matters and records
load_hall_demo_site() {
	local bench=$1 site=$2 profile=$3 smtp_port=$4
	frappe_cli "$bench" --site "$site" apply-hall-profile "$profile" &&
		frappe_cli "$bench" --site "$site" load-hall-demo --smtp-port "$smtp_port"
}

# drop a site and its database, no backup left behind; Frappe moves the site's folder to an archive,
# ARCHIVE when given (a folder the caller removes), else the bench's archived/sites
drop_hall_site() {
	local bench=$1 site=$2 archive=${3:-}
	local -a root_args
	mapfile -t root_args < <(db_root_args "$bench")
	[ -n "$archive" ] && root_args+=(--archived-sites-path "$archive")
	frappe_cli "$bench" drop-site "$site" --force --no-backup "${root_args[@]}"
}

# stop a process started in the background and everything it started, parents first (safe under
# set -e: a process already gone is not an error): a helper
# started through as_bench is a subshell whose child is runuser, whose child is the program, and runuser
# passes the signal on and exits only when it reaches runuser before the program has gone
kill_tree() {
	local pid=$1 child children
	children=$(pgrep -P "$pid" 2>/dev/null || true)
	kill "$pid" 2>/dev/null || true
	for child in $children; do kill_tree "$child"; done
	return 0
}

port_in_use() { (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }

# the app's loopback SMTP sink on PORT keeping every message in DIR, in the background (its pid in
# $SMTP_SINK_PID); returns once it listens. The demo's Email Account checks its server when saved.
start_smtp_sink() {
	local bench=$1 port=$2 dir=$3
	as_bench "$bench" ./env/bin/python -m insurance_hall.tests.smtp_sink --port "$port" --dir "$dir" &
	SMTP_SINK_PID=$!
	for _ in $(seq 1 40); do port_in_use "$port" && return 0; sleep 0.25; done
	return 1
}

# the first local port from $1 on that nothing listens on
free_port() {
	local port=$1
	while port_in_use "$port"; do port=$((port + 1)); done
	echo "$port"
}

# serve the bench's sites with its gunicorn on 127.0.0.1:PORT, as the bench owner, in the background,
# the way Frappe serves in production plus Frappe's own middleware for /assets and /files (nginx does
# that in production); the master's pid goes to PIDFILE. The site is chosen by the Host header.
start_gunicorn() {
	local bench=$1 port=$2 pidfile=$3 log=$4
	as_bench "$bench" bash -c 'cd sites && exec ../env/bin/gunicorn -b "127.0.0.1:$0" -w 2 -t 120 \
		--pid "$1" "frappe.app:application_with_statics()" --preload' "$port" "$pidfile" >"$log" 2>&1 &
	GUNICORN_JOB=$!
}

# stop the gunicorn started by start_gunicorn (its master, which stops the workers) and wait for it
stop_gunicorn() {
	local pidfile=$1 pid
	[ -s "$pidfile" ] || return 0
	pid=$(cat "$pidfile")
	kill -TERM "$pid" 2>/dev/null || return 0
	for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
	kill -KILL "$pid" 2>/dev/null || true
	return 0
}

# wait until SITE answers on 127.0.0.1:PORT (HTTP 200 from /api/method/ping), at most SECONDS; gives up
# at once when the server's process JOB (optional) has died, e.g. because the port was taken meanwhile
wait_for_site() {
	local site=$1 port=$2 seconds=${3:-120} job=${4:-} deadline
	deadline=$(($(date +%s) + seconds))
	while [ "$(date +%s)" -lt "$deadline" ]; do
		if [ -n "$job" ] && ! kill -0 "$job" 2>/dev/null; then
			return 1
		fi
		if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Host: $site" \
			"http://127.0.0.1:$port/api/method/ping")" = 200 ]; then
			return 0
		fi
		sleep 1
	done
	return 1
}

# ---------------------------------------------------------------- prerequisites
# Each check prints one line in Chinese naming what is missing and how to get it; `check_prerequisites`
# returns non-zero when something a new bench cannot do without is missing. PDF needs are warnings.

PREREQ_FAILED=0
prereq_fail() { echo "缺少前置条件：$*" >&2; PREREQ_FAILED=1; }
prereq_warn() { echo "提示：$*" >&2; }

# query MariaDB with the admin login of env / bench config, or the local root over the socket
mariadb_query() {
	local user=${IH_DB_ROOT_USER:-root} pass=${IH_DB_ROOT_PASSWORD:-}
	local client
	client=$(command -v mariadb || command -v mysql) || return 1
	if [ -n "$pass" ]; then
		"$client" -h 127.0.0.1 -u "$user" -p"$pass" -N -B -e "$1" 2>/dev/null
	else
		"$client" -u "$user" -N -B -e "$1" 2>/dev/null || "$client" -h 127.0.0.1 -u "$user" -N -B -e "$1" 2>/dev/null
	fi
}

check_prerequisites() {
	local creating_bench=${1:-}
	PREREQ_FAILED=0
	if [ -n "$creating_bench" ] && [ "$(id -u)" = 0 ]; then
		prereq_fail "bench 不能以 root 运行，而本机还没有 bench：请建立普通用户（如 useradd -m frappe）并以该用户运行 scripts/demo"
	fi
	if [ -n "$creating_bench" ] && ! command -v bench >/dev/null; then
		prereq_fail "没有 bench 命令：pip install --user frappe-bench（或 pipx install frappe-bench）"
	fi
	if [ -n "$creating_bench" ]; then
		command -v node >/dev/null || prereq_fail "没有 Node.js（需要 18 或更高版本）：apt install nodejs 或从 nodejs.org 安装"
		command -v yarn >/dev/null || prereq_fail "没有 yarn（1.x）：npm install -g yarn@1"
		command -v git >/dev/null || prereq_fail "没有 git：apt install git"
		command -v mariadb_config >/dev/null || command -v mysql_config >/dev/null ||
			prereq_fail "没有 MariaDB 客户端开发包：apt install libmariadb-dev pkg-config python3-dev python3-venv"
	fi
	if ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
		prereq_fail "Redis 未在 127.0.0.1:6379 运行：apt install redis-server 并启动"
	fi
	if ! (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null; then
		prereq_fail "MariaDB 未在 127.0.0.1:3306 运行：apt install mariadb-server 并启动"
	else
		local charset
		charset=$(mariadb_query "SELECT @@character_set_server, @@collation_server" || true)
		if [ -z "$charset" ]; then
			prereq_warn "无法登录 MariaDB 检查字符集：请设置 IH_DB_ROOT_USER / IH_DB_ROOT_PASSWORD"
		elif [[ "$charset" != utf8mb4*utf8mb4_unicode_ci* ]]; then
			prereq_fail "MariaDB 未设置 utf8mb4（现为 $charset）：在 /etc/mysql/mariadb.conf.d/ 加入 [mysqld] character-set-client-handshake = FALSE、character-set-server = utf8mb4、collation-server = utf8mb4_unicode_ci 与 [mysql] default-character-set = utf8mb4，然后重启 MariaDB"
		fi
	fi
	command -v wkhtmltopdf >/dev/null ||
		prereq_warn "没有 wkhtmltopdf，打印表格无法“获取 PDF”：apt install wkhtmltopdf"
	if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
		prereq_warn "没有中文字体，PDF 中的汉字会显示为方框：apt install fonts-noto-cjk"
	fi
	return $PREREQ_FAILED
}

# elapsed seconds since a `date +%s` reading, as "12s" or "3m04s"
elapsed() {
	local seconds=$(($(date +%s) - $1))
	if [ "$seconds" -ge 60 ]; then printf '%dm%02ds' $((seconds / 60)) $((seconds % 60)); else printf '%ds' "$seconds"; fi
}
