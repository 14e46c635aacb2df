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
	local bench=$1 site=$2 profile=$3 smtp_port=$4 sms_port=${5:-2626}
	frappe_cli "$bench" --site "$site" apply-hall-profile "$profile" &&
		frappe_cli "$bench" --site "$site" load-hall-demo --smtp-port "$smtp_port" --sms-port "$sms_port"
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

# one of the app's loopback sinks (python -m insurance_hall.tests.MODULE) on PORT keeping what it receives in
# DIR, in the background (its pid in $SINK_PID); returns once it listens
start_sink() {
	local bench=$1 module=$2 port=$3 dir=$4
	as_bench "$bench" ./env/bin/python -m "insurance_hall.tests.$module" --port "$port" --dir "$dir" &
	SINK_PID=$!
	for _ in $(seq 1 40); do port_in_use "$port" && return 0; sleep 0.25; done
	return 1
}

# the SMTP sink (every message a .eml file in DIR; pid in $SMTP_SINK_PID). The demo's Email Account checks
# its server when saved.
start_smtp_sink() {
	local status=0
	start_sink "$1" smtp_sink "$2" "$3" || status=$?
	SMTP_SINK_PID=$SINK_PID
	return $status
}

# the SMS gateway sink (every message a line of DIR/messages.jsonl; pid in $SMS_SINK_PID)
start_sms_sink() {
	local status=0
	start_sink "$1" sms_sink "$2" "$3" || status=$?
	SMS_SINK_PID=$SINK_PID
	return $status
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
# WORKERS (optional) is gunicorn's worker count, 2 unless given.
start_gunicorn() {
	local bench=$1 port=$2 pidfile=$3 log=$4 workers=${5:-2}
	as_bench "$bench" bash -c 'cd sites && exec ../env/bin/gunicorn -b "127.0.0.1:$0" -w "$2" -t 120 \
		--pid "$1" "frappe.app:application_with_statics()" --preload' "$port" "$pidfile" "$workers" >"$log" 2>&1 &
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
		elif [[ "$charset" != utf8mb4* ]]; then
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

# ---------------------------------------------------------------- a fresh machine (scripts/demo as root)
# Each step prints one line in Chinese. As root (without --no-install) a missing piece is installed and the
# line says what runs; otherwise the line names what is missing and the one command that would do it, and
# SETUP_MISSING becomes 1. Command output goes to $SETUP_LOG, shown (its end) only when a step fails.

SETUP_MISSING=0
SETUP_CAN_INSTALL=""
SETUP_LOG=${SETUP_LOG:-/tmp/ih-demo-setup.log}
BASE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# STEP — what the machine needs; SHOWN — the one command that does it; then the command to run here
setup_need() {
	local what=$1 shown=$2
	shift 2
	if [ -z "$SETUP_CAN_INSTALL" ]; then
		if [ "$(id -u)" = 0 ]; then
			echo "缺少：$what；将运行：$shown" >&2
		else
			echo "缺少：$what；需以 root 运行：$shown（或 sudo scripts/demo 自动完成）" >&2
		fi
		SETUP_MISSING=1
		return 0
	fi
	echo "== $what：$shown"
	if ! "$@" >>"$SETUP_LOG" 2>&1; then
		tail -n 15 "$SETUP_LOG" >&2
		echo "失败：$what；可手动运行：$shown（完整输出：$SETUP_LOG）" >&2
		SETUP_MISSING=1
		return 1
	fi
}

# the environment a command keeps when it runs as another user: certificates, proxies, pip/uv/npm/yarn
# settings, the app's IH_* variables, locale (NUL-separated NAME=value)
passthrough_env() {
	local name
	for name in $(compgen -e); do
		case $name in
			SSL_CERT_FILE | SSL_CERT_DIR | REQUESTS_CA_BUNDLE | CURL_CA_BUNDLE | NODE_EXTRA_CA_CERTS | GIT_SSL_CAINFO | \
				GIT_SSL_NO_VERIFY | UV_* | PIP_* | NPM_CONFIG_* | npm_config_* | YARN_* | IH_* | CI | LANG | LC_* | TERM | TZ | TMPDIR | \
				http_proxy | https_proxy | ftp_proxy | all_proxy | no_proxy | HTTP_PROXY | HTTPS_PROXY | FTP_PROXY | ALL_PROXY | NO_PROXY)
				printf '%s=%s\0' "$name" "${!name}" ;;
		esac
	done
}

user_home() { getent passwd "$1" | cut -d: -f6; }

# run a command as USER with an explicit environment (HOME, PATH with ~/.local/bin, passthrough_env), from the
# current directory when USER may enter it, else from USER's home; as that user already, only PATH is added
as_user() {
	local user=$1 home
	shift
	home=$(user_home "$user")
	if [ "$(id -u)" = 0 ] && [ "$user" != root ]; then
		local -a keep
		mapfile -d '' -t keep < <(passthrough_env)
		runuser -u "$user" -- env -i HOME="$home" USER="$user" LOGNAME="$user" SHELL=/bin/bash \
			PATH="$home/.local/bin:$BASE_PATH" "${keep[@]}" \
			bash -c 'cd "$0" 2>/dev/null || cd "$1" 2>/dev/null || cd /; shift; exec "$@"' "$PWD" "$home" "$@"
	else
		PATH="$home/.local/bin:$PATH" "$@"
	fi
}

tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

dpkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# the Debian packages the demo needs that are missing (MariaDB and Redis only when not running nor installed)
missing_packages() {
	local pkg major
	local -a wanted=(git curl python3-venv python3-dev python3-pip pipx libmariadb-dev pkg-config cron)
	# Node.js and npm may come from nodesource (whose nodejs brings npm) rather than Debian
	major=$(node --version 2>/dev/null | sed 's/^v\([0-9]*\).*/\1/')
	[ -n "$major" ] || wanted+=(nodejs)
	command -v npm >/dev/null || wanted+=(npm)
	# PDF: absent from some releases' archives, then only a warning
	for pkg in wkhtmltopdf fonts-noto-cjk; do
		apt-cache show "$pkg" >/dev/null 2>&1 && wanted+=("$pkg")
	done
	tcp_open 127.0.0.1 3306 || dpkg_installed mariadb-server || wanted+=(mariadb-server)
	tcp_open 127.0.0.1 6379 || dpkg_installed redis-server || wanted+=(redis-server)
	for pkg in "${wanted[@]}"; do dpkg_installed "$pkg" || echo "$pkg"; done
}

# only what is named: recommends would pull in a desktop's worth of packages (X, fonts, docs) on a server
apt_install() { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"; }

# how to start / restart a service here: systemctl under systemd, else the init script
service_cmd() {
	local action=$1 name=$2
	if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
		echo "systemctl $action $name"
	elif command -v service >/dev/null && [ -x "/etc/init.d/$name" ]; then
		echo "service $name $action"
	else
		return 1
	fi
}

# The Python the pure and browser layers run on: the machine's python3 when it already imports what they need
# (tests/requirements.txt), else a virtual environment of that list, created once and reused
# ($IH_TEST_VENV, default ~/.cache/insurance-hall/test-venv): a fresh Debian, whose python3 may not take pip
# installs (PEP 668), needs nothing installed by hand. Prints the interpreter; says in one line what it installs.
TEST_IMPORTS='import pytest, holidays, playwright.sync_api, axe_playwright_python'
test_python() {
	local venv=${IH_TEST_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/insurance-hall/test-venv}
	if python3 -c "$TEST_IMPORTS" 2>/dev/null; then
		echo python3
	elif [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "$TEST_IMPORTS" 2>/dev/null; then
		echo "$venv/bin/python"
	elif echo "== 测试用 Python 环境：python3 缺少测试所需的包，安装 tests/requirements.txt 到 $venv" >&2 &&
		{ [ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2; } &&
		"$venv/bin/python" -m pip install -q -r "$REPO_ROOT/tests/requirements.txt" >&2 &&
		"$venv/bin/python" -c "$TEST_IMPORTS" 2>/dev/null; then
		echo "$venv/bin/python"
	else
		echo "测试用 Python 环境未能建立（需要 python3-venv 和能访问 PyPI）：沿用 python3" >&2
		echo python3
	fi
}

# Debian's mariadb init script stops the server with `mysqladmin --defaults-file=/etc/mysql/debian.cnf`: on an
# image without that file a restart cannot stop the old server, which keeps running with its old settings. Root
# reaches MariaDB through its unix socket, which is all the file has to name (said in one line when written).
mariadb_debian_cnf() {
	[ "$(id -u)" = 0 ] && [ ! -e /etc/mysql/debian.cnf ] && [ ! -d /run/systemd/system ] || return 0
	[ -S /run/mysqld/mysqld.sock ] || return 0
	mkdir -p /etc/mysql
	printf '[client]\nuser = root\nsocket = /run/mysqld/mysqld.sock\n[mysql_upgrade]\nuser = root\nsocket = /run/mysqld/mysqld.sock\n' \
		>/etc/mysql/debian.cnf
	chmod 600 /etc/mysql/debian.cnf
	echo "== 写入 /etc/mysql/debian.cnf（Debian 的 MariaDB 启停脚本用它停止服务；内容为 root 经本机 socket 登录）"
}

# run `service_cmd` and wait (at most 30 s) until PORT answers on 127.0.0.1
service_up() {
	local action=$1 name=$2 port=$3 cmd
	[ "$name" = mariadb ] && [ "$action" = restart ] && mariadb_debian_cnf
	cmd=$(service_cmd "$action" "$name") || return 1
	# the port decides, not the init script's exit status: Debian's mariadb script exits non-zero when
	# its post-start helper (/etc/mysql/debian-start) is missing, with the server up all the same
	$cmd || true
	for _ in $(seq 1 60); do tcp_open 127.0.0.1 "$port" && return 0; sleep 0.5; done
	return 1
}

# MariaDB (3306) and Redis (6379) answering on 127.0.0.1 before the bench needs them: a machine that rebooted, or
# whose database was stopped, starts them the way the machine starts services (root only; said in one line each).
# Returns non-zero, naming what is down, when one still does not answer.
services_up() {
	local svc name port down=""
	for svc in "MariaDB mariadb 3306" "Redis redis-server 6379"; do
		set -- $svc
		name=$1 port=$3
		tcp_open 127.0.0.1 "$port" && continue
		if [ "$(id -u)" = 0 ] && service_up start "$2" "$port" >/dev/null 2>&1; then
			echo "== $name was not running on 127.0.0.1:$port: started ($(service_cmd start "$2"))"
			continue
		fi
		down+=" $name(127.0.0.1:$port)"
	done
	[ -z "$down" ] && return 0
	echo "not running:$down; start them (as root: service mariadb start; service redis-server start)" >&2
	return 1
}

# MariaDB reads utf8mb4 from the app's file in mariadb.conf.d, and my.cnf (or a file it includes) must include
# that directory: some packaged my.cnf do not
MARIADB_CNF=/etc/mysql/mariadb.conf.d/99-insurance-hall.cnf
mariadb_includes_conf_d() {
	local file
	for file in /etc/mysql/my.cnf $(sed -n 's/^!include[[:space:]]\+//p' /etc/mysql/my.cnf 2>/dev/null); do
		grep -qE '^!includedir[[:space:]]+/etc/mysql/mariadb\.conf\.d/?[[:space:]]*$' "$file" 2>/dev/null && return 0
	done
	return 1
}
mariadb_write_utf8mb4() {
	mkdir -p /etc/mysql/mariadb.conf.d
	printf '%s\n' '# insurance_hall (scripts/demo): Frappe needs utf8mb4' '[mysqld]' \
		'character-set-client-handshake = FALSE' 'character-set-server = utf8mb4' \
		'collation-server = utf8mb4_unicode_ci' '' '[mysql]' 'default-character-set = utf8mb4' >"$MARIADB_CNF"
	mariadb_includes_conf_d || printf '\n!includedir /etc/mysql/mariadb.conf.d/\n' >>/etc/mysql/my.cnf
}

# a key of the bench's sites/common_site_config.json ("" when absent)
bench_common_config() {
	python3 -c 'import json,sys
try: print(json.load(open(sys.argv[1] + "/sites/common_site_config.json")).get(sys.argv[2]) or "")
except OSError: print("")' "$1" "$2"
}

# an admin login with a password for `new-site` (root over the unix socket has none): ih_admin with a new
# password, for localhost and 127.0.0.1; the login goes to the bench's common_site_config when the bench
# exists, else to IH_DB_ROOT_USER / IH_DB_ROOT_PASSWORD and IH_SAVE_DB_ROOT for the bench about to be made
create_db_admin() {
	local bench=$1 user=ih_admin password host sql=""
	password=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
	for host in localhost 127.0.0.1; do
		sql+="CREATE USER IF NOT EXISTS '$user'@'$host' IDENTIFIED BY '$password'; "
		sql+="ALTER USER '$user'@'$host' IDENTIFIED BY '$password'; "
		sql+="GRANT ALL PRIVILEGES ON *.* TO '$user'@'$host' WITH GRANT OPTION; "
	done
	IH_DB_ROOT_USER=root IH_DB_ROOT_PASSWORD="" mariadb_query "$sql FLUSH PRIVILEGES; SELECT 1" | grep -q 1 || return 1
	if is_bench "$bench"; then
		frappe_cli "$bench" set-config -g root_login "$user" &&
			frappe_cli "$bench" set-config -g root_password "$password"
	else
		export IH_DB_ROOT_USER=$user IH_DB_ROOT_PASSWORD=$password IH_SAVE_DB_ROOT=1
	fi
}

# `bench init` of a bench directory that does not exist yet, as USER, with Frappe from FRAPPE_PATH / BRANCH and no
# Redis of its own (the bench uses the machine's, see bench_use_redis). When it fails or is interrupted, the
# half-made directory (created by this call) is removed and the error is said in one line.
init_bench() {
	local bench=$1 frappe_path=$2 branch=$3 user=$4 log status=0
	if [ -e "$bench" ]; then
		echo "$bench 已存在但不是完整的 bench（可能是之前 bench init 失败留下的）：确认无用后运行 rm -rf $bench 再重试" >&2
		return 1
	fi
	log=$(mktemp /tmp/ih-bench-init-XXXXXX.log)
	chmod 644 "$log"
	echo "== 以 $user 运行 bench init $bench（Frappe：$frappe_path $branch，需数分钟；输出见 $log）"
	trap 'rm -rf "'"$bench"'"; echo "bench init 被中断，已删除未完成的 '"$bench"'" >&2; exit 130' INT TERM
	as_user "$user" bench init --skip-redis-config-generation --frappe-path "$frappe_path" \
		--frappe-branch "$branch" "$bench" </dev/null >"$log" 2>&1 || status=$?
	trap - INT TERM
	if [ "$status" = 0 ] && is_bench "$bench"; then
		rm -f "$log"
		return 0
	fi
	tail -n 15 "$log" >&2
	rm -rf "$bench"
	echo "bench init 失败（退出码 $status，完整输出：$log），已删除未完成的 $bench；修正上面的问题后重新运行 scripts/demo" >&2
	return 1
}

# the bench's redis_cache / redis_queue / redis_socketio pointed at the Redis that runs on 127.0.0.1:6379 when
# what they name does not answer (`bench init` names ports 13000 / 11000 that nothing starts)
bench_use_redis() {
	local bench=$1 key url hostport host port
	local -a dead=()
	for key in redis_cache redis_queue redis_socketio; do
		url=$(bench_common_config "$bench" "$key")
		case $url in unix://*) continue ;; esac
		hostport=${url#*://}
		hostport=${hostport##*@}
		hostport=${hostport%%/*}
		host=${hostport%:*}
		port=6379
		[ "$hostport" != "$host" ] && port=${hostport##*:}
		[ -n "$url" ] && tcp_open "${host:-127.0.0.1}" "$port" && continue
		dead+=("$key=${url:-（未设置）}")
	done
	if [ ${#dead[@]} = 0 ]; then
		echo "== Redis：bench 配置的 Redis 在运行"
		return 0
	fi
	if ! tcp_open 127.0.0.1 6379; then
		echo "Redis 未运行（bench 配置 ${dead[*]}，127.0.0.1:6379 也无人监听）：以 root 运行 apt-get install -y redis-server && $(service_cmd start redis-server || echo 'redis-server --daemonize yes')" >&2
		return 1
	fi
	for key in "${dead[@]}"; do
		frappe_cli "$bench" set-config -g "${key%%=*}" redis://127.0.0.1:6379 >/dev/null || return 1
	done
	echo "== Redis：bench 的 ${dead[*]} 无人监听，改为 redis://127.0.0.1:6379"
}

# the front door (scripts/front.js: what the bench's nginx does in production) on PORT, passing /socket.io/ to
# SOCKETIO_PORT and the rest to gunicorn on WEB_PORT; its pid in $FRONT_PID. Returns non-zero when it does
# not listen within 10 s.
start_front() {
	local port=$1 web_port=$2 socketio_port=$3 log=$4
	node "$REPO_ROOT/scripts/front.js" "$port" "$web_port" "$socketio_port" >"$log" 2>&1 &
	FRONT_PID=$!
	for _ in $(seq 1 40); do port_in_use "$port" && return 0; sleep 0.25; done
	return 1
}

# the bench's socket.io server (what the bench's Procfile runs as `bench socketio`, i.e. node apps/frappe/socketio.js
# from the bench directory) in the background on socketio_port of common_site_config (set to 9000 when absent, so
# that sites and the server agree); its pid in $SOCKETIO_PID. Returns 2 when the port is taken already.
start_socketio() {
	local bench=$1 log=$2 port
	port=$(bench_common_config "$bench" socketio_port)
	if [ -z "$port" ]; then
		port=9000
		frappe_cli "$bench" set-config -g -p socketio_port 9000 >/dev/null
	fi
	SOCKETIO_PORT=$port
	port_in_use "$port" && return 2
	as_bench "$bench" node apps/frappe/socketio.js >"$log" 2>&1 &
	SOCKETIO_PID=$!
	for _ in $(seq 1 40); do port_in_use "$port" && return 0; sleep 0.25; done
	return 1
}
