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
	if ! as_bench "$bench" ./env/bin/python -c 'import insurance_hall.hooks' >/dev/null 2>&1; then
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
