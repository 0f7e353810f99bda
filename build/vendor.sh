#!/usr/bin/env bash
# Re-vendors the npm files build/vendor.sums lists: fetches each package
# with npm pack (which checks the registry's integrity hash), copies the
# listed files into web/ and checks them against the pinned SHA-256. A new
# version: change the version in vendor.sums, run this, review the diff,
# then put the new hashes it prints in vendor.sums.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
while read -r spec file dest sum; do
	case "$spec" in ''|'#'*) continue ;; esac
	pkg="$tmp/$(echo "$spec" | tr '/@' '__')"
	if [ ! -d "$pkg" ]; then
		mkdir -p "$pkg"
		tarball=$(cd "$pkg" && npm pack --silent "$spec")
		tar -xzf "$pkg/$tarball" -C "$pkg"
	fi
	mkdir -p "$(dirname "$dest")"
	cp "$pkg/package/$file" "$dest"
	got=$(sha256sum "$dest" | cut -d' ' -f1)
	if [ "$got" = "$sum" ]; then
		echo "vendor: $dest from $spec: ok"
	else
		echo "vendor: $dest from $spec has SHA-256 $got, build/vendor.sums pins $sum" >&2
		status=1
	fi
done < build/vendor.sums
exit $status
