#!/usr/bin/env bash
# test_sources.sh: the content is true to its five source articles: nothing copied from them,
# every tip cites the articles it comes from, and the figures are there.
#
# The articles live outside the repository, in ../shared/seeds (CQ_SEEDS overrides). The copy
# check reads fingerprints of them instead (tests/sources/seed-8grams.txt: hashes of their word
# runs, no text), so it runs everywhere; where the articles are there, a test checks that the
# fingerprints are up to date. Tests that need the articles themselves are skipped, visibly,
# when they are absent; the others check the content against itself.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# A run of this many words in a row, copied from an article, is a copy (the project brief).
COPY_WORDS=8

# find_seeds: prints the folder holding the articles (NNN_*.txt and README.md), or fails.
find_seeds() {
    local dir common
    common=$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null) ||
        common=
    # $ROOT/../shared/seeds for a checkout next to shared/; from a worktree elsewhere, the
    # folder next to the main checkout (its .git's parent's parent).
    for dir in "${CQ_SEEDS:-}" "$ROOT/../shared/seeds" ${common:+"$common/../../shared/seeds"}; do
        if [ -z "$dir" ] || [ ! -f "$dir/README.md" ]; then continue; fi
        compgen -G "$dir/[0-9][0-9][0-9]_*.txt" >/dev/null || continue
        (cd "$dir" && pwd)
        return 0
    done
    return 1
}

# The article titles (each file's first line) and, per article, the roles the README's table
# gives it: "title<TAB>role role".
article_titles() {
    local f
    for f in "$1"/[0-9][0-9][0-9]_*.txt; do
        head -n 1 "$f" | tr -d '\r'
    done
}

article_roles() {
    # | 000_x.txt | Title | role-a, role-b |
    awk -F'|' 'NF >= 4 && $2 ~ /[0-9][0-9][0-9]_.*\.txt/ {
        title = $3; roles = $4
        gsub(/^ +| +$/, "", title); gsub(/^ +| +$/, "", roles); gsub(/, */, " ", roles)
        print title "\t" roles
    }' "$1/README.md"
}

test_the_articles_are_found_or_the_tests_that_need_them_say_they_are_skipped() {
    local seeds
    if ! seeds=$(find_seeds); then
        skip "the source articles are not in ../shared/seeds (set CQ_SEEDS)"
        return
    fi
    [ "$(article_titles "$seeds" | wc -l)" -eq 5 ] || fail "expected 5 articles in $seeds"
    [ "$(article_roles "$seeds" | wc -l)" -eq 5 ] ||
        fail "expected the README of $seeds to give the roles of 5 articles"
}

# The articles' runs of COPY_WORDS words, as hashes (no text), and the program that hashes runs
# the same way: they let the copy test run where the articles are absent.
FINGERPRINTS=$ROOT/tests/sources/seed-8grams.txt
WORD_RUNS=${WORD_RUNS:-$(dirname "$CAREERQUIZ")/tests/word_runs}

test_no_run_of_eight_words_is_copied_from_an_article() {
    local f hits
    [ -x "$WORD_RUNS" ] || { fail "no $WORD_RUNS: build it (make tests)"; return; }
    [ -s "$FINGERPRINTS" ] || { fail "no fingerprints: $FINGERPRINTS"; return; }
    # The cited titles are the articles' own words, on purpose: the profiles' sources.
    jq -r '.sources[]' "$ROOT"/profiles/*.json | sort -u >titles.txt
    # Every string of the content, but the cited titles, one per line with its file.
    for f in "$ROOT"/questions/*.json "$ROOT"/profiles/*.json; do
        jq -r '.. | strings | gsub("[\n\r\t]"; " ")' "$f" | grep -vxF -f titles.txt |
            sed "s|^|${f#"$ROOT"/}\t|"
    done >content.txt
    [ -s content.txt ] || fail "no content strings were read"
    cut -f2- content.txt | "$WORD_RUNS" "$COPY_WORDS" --text >runs.txt ||
        fail "word_runs failed"
    [ -s runs.txt ] || fail "no runs of words were read from the content"
    hits=$(awk -F'\t' '
        FILENAME == ARGV[1] { if ($0 !~ /^#/) { split($0, a, " "); article[a[1]] = a[2] }; next }
        FILENAME == ARGV[2] { content[FNR] = $0; next }
        $1 in article {
            split(content[$2], c, "\t")
            print c[1] ": \"" $3 "\" is in article " article[$1] ": " c[2]
        }' "$FINGERPRINTS" content.txt runs.txt)
    if [ -n "$hits" ]; then
        fail "runs of $COPY_WORDS words copied from an article:"
        printf '%s\n' "$hits" | sed -n '1,20s/^/#   /p'
    fi
}

test_the_fingerprints_are_those_of_the_articles() {
    local seeds
    if ! seeds=$(find_seeds); then
        skip "the source articles are not in ../shared/seeds (set CQ_SEEDS); the fingerprints are used as they are"
        return
    fi
    WORD_RUNS=$WORD_RUNS "$ROOT/scripts/seed-fingerprints.sh" "$seeds" "$TESTDIR/now.txt" ||
        { fail "scripts/seed-fingerprints.sh failed"; return; }
    cmp -s "$TESTDIR/now.txt" "$FINGERPRINTS" ||
        fail "tests/sources/seed-8grams.txt is out of date: run scripts/seed-fingerprints.sh"
    # And they are hashes only: no line holds a word of an article.
    grep -v '^#' "$FINGERPRINTS" | grep -qvE '^[0-9a-f]{16} [0-9]{3}$' &&
        fail "the fingerprints hold something other than hashes"
    return 0
}

test_a_copied_run_would_be_found() {
    # The check itself bites: a profile with one sentence lifted from article 002 fails it,
    # with the fingerprints alone (no article is read).
    data_copy data
    jq '.education[0].text = "A degree in Computer Science, Data Science, Statistics, or a related field"' \
        data/profiles/data-science-engineer.json >t.json && mv t.json data/profiles/data-science-engineer.json
    mkdir inner
    (
        cd inner || exit 2
        ROOT=$TESTDIR/data CQ_SEEDS=/nonexistent TEST_FAILED=0
        test_no_run_of_eight_words_is_copied_from_an_article
        exit "$TEST_FAILED"
    ) >inner.txt 2>&1 && fail "a copied sentence was not found"
    grep -qF 'data-science-engineer.json: "degree in computer science data science statistics or" is in article 002' \
        inner.txt || { fail "the copy was not named"; sed -n '1,10s/^/#   /p' inner.txt; }
}

# roles_json: every role's `role --json`, as one object by id, in roles.json.
roles_json() {
    local id
    for id in $(role_ids); do
        cq role --json "$id" >"$id.json" || fail "role $id --json failed"
    done
    jq -s 'map({key: .id, value: .}) | from_entries' ./*.json >roles.json
}

test_every_tip_cites_articles_that_cover_its_role_and_every_role_it_is_shared_with() {
    roles_json
    # An article covers a role when the role's profile is built from it (its sources).
    run jq -r '. as $r | to_entries[] | .key as $id | .value.tips | to_entries[]
        | .key as $n | .value | .source |= (if type == "string" then [.] else . end) | . as $t
        | ($t.source[] | select(. as $a | $r[$id].sources | index([$a]) | not)
           | "\($id) tip \($n + 1) cites \"\(.)\", which \($id) is not built from"),
          (($t.shared_with // [])[] | . as $o
           | select([$t.source[] | select(. as $a | $r[$o].sources | index([$a]))] | length == 0)
           | "\($id) tip \($n + 1) is shared with \($o), but none of its articles covers \($o)"),
          (($t.shared_with // [])[] | . as $o
           | select([$r[$o].tips[] | select(.advice == $t.advice
                                            and ((.shared_with // []) | index([$id])))]
                    | length != 1)
           | "\($id) tip \($n + 1) is shared with \($o), which does not give the same advice back")' \
        roles.json
    expect_status 0
    expect_stdout_empty
}

test_every_profile_is_built_from_the_articles_that_cover_its_role() {
    local seeds id
    if ! seeds=$(find_seeds); then
        skip "the source articles are not in ../shared/seeds (set CQ_SEEDS)"
        return
    fi
    article_titles "$seeds" >titles.txt
    article_roles "$seeds" >coverage.txt
    for id in $(role_ids); do
        # The articles whose row in the README names the role, by title, sorted.
        awk -F'\t' -v id="$id" '{ n = split($2, r, " "); for (i = 1; i <= n; i++)
            if (r[i] == id) print $1 }' coverage.txt | sort >want.txt
        cq role --json "$id" | jq -r '.sources[]' | sort >have.txt
        [ -s want.txt ] || fail "no article in the README covers $id"
        cmp -s want.txt have.txt || {
            fail "$id is built from other articles than those that cover it:"
            diff want.txt have.txt | sed -n '1,8s/^/#   /p'
        }
        # Every title a profile cites is an article's own title.
        cq role --json "$id" | jq -r '.sources[], .tips[].source[], .outlook.figures[].article' |
            sort -u | while IFS= read -r title; do
            grep -qxF -- "$title" titles.txt || echo "$id cites \"$title\", no article's title"
        done >bad.txt
        [ -s bad.txt ] && fail "$(cat bad.txt)"
    done
}

test_the_lead_profile_quotes_every_figure_its_articles_give() {
    run cq role --json lead-ml-engineer
    # 15% and 22% from "... vs. Machine Learning Software Engineer", 31% from "Data Science
    # Engineer vs. ...": the 22% for software developers was missing.
    expect_jq '[.outlook.figures[] | [.value, .measure, .period]] == [
        ["15%", "projected growth in jobs for computer and information research scientists",
         "2019–2029"],
        ["22%", "projected growth in jobs for software developers", "2019–2029"],
        ["31%", "projected growth in jobs for data scientists and related roles", "2019–2029"]]'
    expect_jq 'all(.outlook.figures[]; .source == "U.S. Bureau of Labor Statistics")'
}

test_names_that_differ_only_in_case_or_punctuation_are_one_name() {
    local id
    for id in $(role_ids); do
        cq role --json "$id"
    done | jq -s -r '[.[] | (.responsibilities, .skills, .education, .tools, .industries)[]
                      | .about[]] + [.[].tips[].advice] + [.[].outlook.figures[].measure]
                     | unique | group_by(ascii_downcase | gsub("[^a-z0-9]"; ""))
                     | map(select(length > 1)) | .[] | join(" / ")' >clashes.txt
    [ -s clashes.txt ] && fail "one name spelt several ways: $(tr '\n' ';' <clashes.txt)"
    return 0
}

test_every_answer_cites_articles_that_cover_the_roles_it_names() {
    roles_json
    # Each option's and scale label's basis: its sources are article titles, and each role it
    # names is covered by one of them (a role's profile is built from the articles covering it).
    run jq -r --slurpfile roles roles.json '
        $roles[0] as $r | ([$r[].sources[]] | unique) as $titles
        | .questions[] | .id as $q | (.options // .labels)[] | select(has("roles"))
        | "\($q)=\(.id // .value)" as $a | . as $b
        | (($b.source // [])[] | select(. as $t | $titles | index([$t]) | not)
           | "\($a) cites \"\(.)\", no article any role is built from"),
          ($b.roles[] | . as $role
           | select([$b.source[] | select(. as $t | $r[$role].sources | index([$t]))] | length == 0)
           | "\($a) names \($role), but none of its sources covers that role")' \
        "$ROOT/questions/bank.json"
    expect_status 0
    expect_stdout_empty
}

test_every_named_thing_in_the_bank_is_targeted_by_the_roles_whose_profiles_name_it() {
    roles_json
    # A trait with "about" stands for things the profiles name: a subject (in a degree of the
    # role's education), an industry, or a language or tool (in its skills or tools). A role
    # weighs the trait exactly when its profile names one of them.
    run jq -r --slurpfile roles roles.json '
        $roles[0] as $r
        | .traits[] | select(has("about")) | . as $t
        | $r | to_entries[] | .key as $id | .value as $p
        | (if $t.group == "field" then
               [$p.education[] | select(.about | any(. == "bachelor'"'"'s degree" or
                                                      . == "master'"'"'s degree" or . == "PhD"))
                | .about[]]
           elif $t.group == "sector" then [$p.industries[].about[]]
           else [($p.skills, $p.tools)[].about[]] end) as $names
        | ([$t.about[] | select(. as $n | $names | index([$n]))] | length > 0) as $named
        | (($p.targets[$t.id].importance // 0) > 0) as $weighed
        | select($named != $weighed)
        | "\($id) \(if $named then "names" else "does not name" end) \($t.about | join(" or ")) but \(if $weighed then "weighs" else "does not weigh" end) \($t.id)"' \
        "$ROOT/questions/bank.json"
    expect_status 0
    expect_stdout_empty
}

run_tests
