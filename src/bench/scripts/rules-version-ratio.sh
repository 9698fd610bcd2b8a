#!/usr/bin/env bash
# Times the whole-registry flag re-evaluation of this checkout's committed rules (HEAD) against the rules of an
# earlier commit, on the same synthetic registry, in one run: both commits are checked out beside this one (git
# worktrees under target/, so the checkout stays free for other work), the earlier one writes its registry of N
# patients, and both versions then re-evaluate that same registry, alternating, ROUNDS times each. Prints each run and the ratio of the medians (this version / the earlier one), and writes them to
# target/rules-ratio/summary.txt.
#
#   src/bench/scripts/rules-version-ratio.sh [patients] [rounds] [earlier-commit]
#
# The earlier commit defaults to the last one before the rules version left "1" (clinical-v2.md), so the ratio is
# version 2 against version 1.
set -euo pipefail
cd "$(dirname "$0")/../../.."
patients="${1:-100000}"
rounds="${2:-3}"
rule_config=src/main/java/org/myotrack/refractory/RuleConfig.java
earlier="${3:-$(git log -n1 --format=%H -S'BASE_VERSION = "1"' -- "$rule_config")^}"
earlier="$(git rev-parse "$earlier")"
this="$(git rev-parse HEAD)"
out="$PWD/target/rules-ratio"
tree="$PWD/target/rules-earlier"
this_tree="$PWD/target/rules-this"
mkdir -p "$out"
git worktree prune

# A worktree of the commit, made anew unless it is already there at that commit.
checkout() {
  local dir="$1" commit="$2"
  if [ ! -d "$dir" ] || [ "$(git -C "$dir" rev-parse HEAD 2>/dev/null)" != "$commit" ]; then
    git worktree remove --force "$dir" 2>/dev/null || rm -rf "$dir"
    git worktree add --detach "$dir" "$commit" >/dev/null
  fi
}
checkout "$tree" "$earlier"
checkout "$this_tree" "$this"

# One run of RegistryFlagsBench in a checkout, its results in a folder; prints "seconds cpu-seconds" of the
# whole-registry re-evaluation.
run() {
  local dir="$1" results="$2"; shift 2
  mkdir -p "$results"
  rm -f "$results/flags.txt"
  (cd "$dir" && mvn -B -q -Pbench test -Dtest=RegistryFlagsBench -Dsurefire.failIfNoSpecifiedTests=false \
      -Dbench.patients="$patients" -Dbench.samples=200 -Dbench.dir="$results" "$@") > "$results.log" 2>&1 \
    || { echo "RegistryFlagsBench failed in $dir, see $results.log" >&2; exit 1; }
  local line cpu
  line="$(grep 'whole-registry re-evaluation' "$results/flags.txt")"
  cpu="$(grep 'CPU used by the whole process' "$results/flags.txt" | sed -E 's/.*meanwhile: ([0-9.]+) s.*/\1/')"
  echo "$(echo "$line" | sed -E 's/.* patients in ([0-9.]+) s.*/\1/') $cpu"
}

# The earlier version writes its registry once and keeps it in its results folder, where its later runs find it;
# this version is given the same backup.
echo "earlier version $earlier: writing or finding its registry of $patients patients"
first="$(run "$tree" "$out/earlier")"
registry="$(ls "$out"/earlier/registry-"$patients"-*.zip | head -n1)"

# This version migrates a copy of that registry and re-evaluates it once, untimed for the ratio, and keeps it: its
# timed runs then start, as the earlier version's do, from a registry whose states are already of their own version,
# so neither times a re-evaluation warmed up by another one at start-up.
this_registry="$out/this-registry.zip"
rm -f "$this_registry"
this_first="$(run "$this_tree" "$out/this" -Dbench.registry="$registry" -Dbench.keep-registry="$this_registry")"

summary="$out/summary.txt"
{
  echo "Whole-registry flag re-evaluation, $patients patients, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "earlier: $earlier (rules version 1); this: $this (rules version 2); same registry: $registry"
  echo "earlier, registry run (not counted): $first"
  echo "this, migration run (not counted): $this_first"
} > "$summary"
earlier_times=()
this_times=()
for round in $(seq 1 "$rounds"); do
  e="$(run "$tree" "$out/earlier")"
  t="$(run "$this_tree" "$out/this" -Dbench.registry="$this_registry")"
  echo "round $round: earlier $e, this $t (seconds, CPU seconds)" | tee -a "$summary"
  earlier_times+=("${e%% *}")
  this_times+=("${t%% *}")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
me="$(median "${earlier_times[@]}")"
mt="$(median "${this_times[@]}")"
echo "median: earlier $me s, this $mt s, ratio this/earlier $(awk -v t="$mt" -v e="$me" 'BEGIN {printf "%.2f", t / e}')" \
  | tee -a "$summary"
