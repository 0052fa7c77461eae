#!/usr/bin/env bash
# Writes a Markdown summary of ginkgo JSON reports: per suite, how many specs
# passed, failed and were skipped, and each skipped spec with its reason (a
# skipped spec could not judge on this runner: it is not a pass).
# Usage: spec-states.sh REPORT_DIR PLATFORM
set -uo pipefail
dir=${1:?report folder}
platform=${2:?platform name}
echo "### Solution suites on $platform"
if ! command -v jq >/dev/null; then
	echo "(jq is not installed on this runner: see the JSON reports in the artifact)"
	exit 0
fi
shopt -s nullglob
reports=("$dir"/*.json)
if [ ${#reports[@]} -eq 0 ]; then
	echo "No report was written."
	exit 0
fi
echo
echo "| suite | passed | failed | skipped (not judged here) |"
echo "|---|---|---|---|"
for f in "${reports[@]}"; do
	jq -r --arg name "$(basename "$f" .json)" '
		[.[].SpecReports[] | select(.LeafNodeType == "It") | .State] as $s
		| "| \($name) | \($s | map(select(. == "passed")) | length) | \($s | map(select(. != "passed" and . != "skipped" and . != "pending")) | length) | \($s | map(select(. == "skipped" or . == "pending")) | length) |"' "$f"
done
echo
for f in "${reports[@]}"; do
	jq -r --arg name "$(basename "$f" .json)" '
		.[].SpecReports[] | select(.LeafNodeType == "It" and .State == "skipped")
		| "- \($name): \((.ContainerHierarchyTexts // []) + [.LeafNodeText] | join(" ")): \(.Failure.Message // "no reason given" | split("\n")[0])"' "$f"
done
