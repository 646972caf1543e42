#!/usr/bin/env bash
# seed-fingerprints.sh: writes the fingerprints of the source articles' word runs.
#
# The content must not copy a run of 8 or more words from the five articles (the project
# brief), and tests/cli/test_sources.sh checks it on every machine, also where the articles in
# ../shared/seeds are absent. So the articles' runs are kept as hashes, never as text: every run
# of 8 words of each article, normalised and hashed by word_runs (tests/sources/word_runs.c),
# one "HASH ARTICLE" line each, sorted. Run it when the articles change; test_sources.sh fails
# when the file is out of date and the articles are there.
#
# Usage: scripts/seed-fingerprints.sh [SEEDS [OUT]]   (after `make tests`)
#   SEEDS  the folder of the articles, NNN_*.txt (default: ../shared/seeds beside the checkout)
#   OUT    the file to write (default: tests/sources/seed-8grams.txt)
# Environment: WORD_RUNS names the hashing program (default build/tests/word_runs).
set -euo pipefail

# A run of this many words in a row, copied from an article, is a copy.
COPY_WORDS=8

root=$(cd "$(dirname "$0")/.." && pwd)
seeds=${1:-$root/../shared/seeds}
out=${2:-$root/tests/sources/seed-8grams.txt}
word_runs=${WORD_RUNS:-$root/build/tests/word_runs}

[ -x "$word_runs" ] || { echo "seed-fingerprints.sh: build it first (make tests): $word_runs" >&2; exit 1; }
compgen -G "$seeds/[0-9][0-9][0-9]_*.txt" >/dev/null ||
    { echo "seed-fingerprints.sh: no articles (NNN_*.txt) in $seeds" >&2; exit 1; }

tmp=$(mktemp "$out.XXXXXX")
trap 'rm -f "$tmp"' EXIT
{
    echo "# careerquiz: every run of $COPY_WORDS words of the source articles, as FNV-1a 64-bit hashes"
    echo "# of the lowercased words (tests/sources/word_runs.c), with the article's number. No text."
    echo "# Made by scripts/seed-fingerprints.sh; read by tests/cli/test_sources.sh."
    for f in "$seeds"/[0-9][0-9][0-9]_*.txt; do
        article=$(basename "$f" | cut -c1-3)
        # One line per article: a copy may run across the article's line breaks.
        tr '\n\r' '  ' <"$f" | { cat; echo; } | "$word_runs" "$COPY_WORDS" |
            cut -f1 | sed "s/\$/ $article/"
    done | sort -u -k1,1
} >"$tmp"
chmod 644 "$tmp"
mv "$tmp" "$out"
trap - EXIT
