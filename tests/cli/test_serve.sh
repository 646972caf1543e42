#!/usr/bin/env bash
# test_serve.sh: careerquiz serve over HTTP with curl: the JSON API against the CLI, every
# error status, the security headers, the limits, the quiz taken with plain forms, and stopping.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/serve_lib.sh
. "$(dirname "$0")/serve_lib.sh"
# shellcheck source=tests/cli/results_lib.sh
. "$(dirname "$0")/results_lib.sh"

PERSONAS=("$ROOT"/tests/personas/*.json "$ROOT"/tests/people/*.json)

# Most tests only read: they share one server without a rate limit. The last test stops it.
shared_server --rate-limit 0

test_questions_are_what_questions_json_prints() {
    serve_usable || return 0
    shared || return
    http GET /api/questions
    expect_http 200
    expect_header Content-Type 'application/json'
    cq questions --json >expected.json
    expect_same_file expected.json "$OUT"
}

test_score_gives_the_json_of_score_for_every_persona() {
    local f
    serve_usable || return 0
    shared || return
    for f in "${PERSONAS[@]}"; do
        http POST /api/score --data-binary "@$f" -H 'Content-Type: application/json'
        expect_http 200
        cq score --json "$f" >expected.json
        cmp -s expected.json "$OUT" || fail "/api/score differs from score --json for $f"
    done
}

test_bad_answers_get_400_with_the_engines_message() {
    serve_usable || return 0
    shared || return
    http POST /api/score --data-binary '{"answers": {"education": "masters",}}'
    expect_http 400
    expect_jq '.error | test("expected|malformed|JSON"; "i")'
    expect_jq '.line == 1 and .column > 0'
    http POST /api/score --data-binary '{"answers": {"languages": ["python", "cobol"]}}'
    expect_http 400
    expect_jq '.error | contains("cobol")'
    http POST /api/score --data-binary ''
    expect_http 400
    expect_jq 'has("error")'
}

test_a_body_over_1_mib_gets_413() {
    serve_usable || return 0
    shared || return
    head -c 2000000 /dev/zero | tr '\0' ' ' >big.json
    http POST /api/score --data-binary @big.json
    expect_http 413
    expect_jq '.error | contains("1 MiB")'
    # Without a Content-Length (chunked), the limit holds while the body arrives.
    http POST /api/score -H 'Transfer-Encoding: chunked' --data-binary @big.json
    expect_http 413
}

test_headers_over_32_kib_get_431() {
    serve_usable || return 0
    shared || return
    http GET /api/questions -H "X-Big: $(head -c 40000 /dev/zero | tr '\0' a)"
    expect_http 431
}

test_unknown_paths_get_404_and_no_path_leaves_the_embedded_files() {
    local path
    serve_usable || return 0
    shared || return
    http GET /api/nothing
    expect_http 404
    expect_jq '.error == "no such resource"'
    http GET /nothing
    expect_http 404
    expect_header Content-Type 'text/html'
    for path in /assets/../../../../etc/passwd /assets/..%2f..%2fMakefile /../Makefile \
        /assets/%2e%2e/cli.h /assets/ /assets/app.css/. '/assets/app.css%00.js'; do
        http GET "$path"
        [ "$HTTP" = 404 ] || [ "$HTTP" = 400 ] || fail "$path gave HTTP $HTTP"
        grep -q 'root:' "$OUT" && fail "$path served /etc/passwd"
    done
    http GET /assets/app.css
    expect_http 200
    expect_header Content-Type 'text/css'
}

test_wrong_methods_get_405_with_allow() {
    serve_usable || return 0
    shared || return
    http GET /api/score
    expect_http 405
    expect_header Allow 'POST'
    expect_jq '.error == "method not allowed"'
    http DELETE /api/questions
    expect_http 405
    expect_header Allow 'GET, HEAD'
    http PUT /quiz --data 'x=1'
    expect_http 405
}

test_every_response_carries_the_security_headers() {
    local path
    serve_usable || return 0
    shared || return
    for path in /quiz /api/questions /assets/app.css /nothing /api/nothing; do
        http GET "$path"
        expect_header Content-Security-Policy "default-src 'self'.*frame-ancestors 'none'"
        expect_header X-Content-Type-Options nosniff
        expect_header Referrer-Policy no-referrer
    done
    # No page loads anything from elsewhere, and no script is inline.
    http GET /quiz
    if grep -qE 'https?://|<script>|<script [^>]*>[^<]' "$OUT"; then
        fail "the quiz page refers elsewhere or has an inline script"
    fi
}

test_a_client_over_its_rate_gets_429_and_retry_after() {
    local i codes
    serve_usable || return 0
    own_server --rate-limit 1 || return
    codes=$(for ((i = 0; i < 260; i++)); do
        printf 'next\nsilent\nurl = %s/api/questions\noutput = /dev/null\n' "$URL"
        printf 'write-out = "%%{http_code}\\n"\n'
    done | curl -K - 2>/dev/null)
    grep -q '^429$' <<<"$codes" || fail "260 quick requests got no 429: $(sort <<<"$codes" | uniq -c)"
    grep -q '^200$' <<<"$codes" || fail "no request got through"
    # At 1 a second a slow machine may have earned one request back since the burst; a few
    # more in a row use it up, and then the answer is 429.
    for ((i = 0; i < 5; i++)); do
        http GET /api/questions
        [ "$HTTP" = 429 ] && break
    done
    expect_http 429
    expect_header Retry-After '[0-9]+'
    expect_jq '.error | contains("too many")'
    serve_stop
}

test_200_requests_at_once_all_succeed() {
    local i codes
    serve_usable || return 0
    shared || return
    # One transfer per "next" in curl's config; 200 connections at once.
    codes=$(for ((i = 0; i < 200; i++)); do
        printf 'next\nsilent\nurl = %s/api/questions\noutput = /dev/null\n' "$URL"
        printf 'write-out = "%%{http_code}\\n"\n'
    done | curl --parallel --parallel-immediate --parallel-max 200 -K - 2>/dev/null)
    [ "$(grep -c '^200$' <<<"$codes")" = 200 ] ||
        fail "not all 200 requests succeeded: $(sort <<<"$codes" | uniq -c | tr '\n' ' ')"
}

# The answers document a question page carries (the hidden field, unescaped).
page_answers() {
    tr '\n' ' ' <"$1" | grep -o 'name="answers" value="[^"]*"' |
        sed 's/^name="answers" value="//; s/"$//; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'
}

# answer_first_choice: the fields of the question page in $OUT, as curl arguments answering it
# with its first choice: the answers so far, the question id, the first option's value.
answer_first_choice() {
    local answers question value
    answers=$(page_answers "$OUT")
    question=$(grep -o 'name="question" value="[^"]*"' "$OUT" | sed 's/.*value="//; s/"$//')
    value=$(grep -o 'name="answer" value="[^"]*"' "$OUT" | head -n 1 | sed 's/.*value="//; s/"$//')
    printf '%s\n' --data-urlencode "answers=$answers" --data-urlencode "question=$question" \
        --data-urlencode "answer=$value" --data-urlencode "go=next"
}

test_the_quiz_with_plain_forms_ends_with_the_result_of_the_same_answers() {
    local i args=() question value type title
    serve_usable || return 0
    shared || return
    http GET /quiz
    expect_http 200
    grep -q 'Question 1 of' "$OUT" || fail "GET /quiz does not show question 1"
    for ((i = 0; i < 40; i++)); do
        grep -q 'name="question"' "$OUT" || break
        mapfile -t args < <(answer_first_choice)
        cp "$OUT" last-question.html
        http POST /quiz "${args[@]}"
        [ "$HTTP" = 200 ] || { fail "answering gave HTTP $HTTP"; show "$OUT"; return; }
    done
    grep -q 'Your career path:' "$OUT" || { fail "the quiz did not end with a result"; show "$OUT"; return; }
    # The last page's answers plus its first choice, scored by the CLI, give the same title.
    question=$(grep -o 'name="question" value="[^"]*"' last-question.html | sed 's/.*value="//; s/"$//')
    value=$(grep -o 'name="answer" value="[^"]*"' last-question.html | head -n 1 | sed 's/.*value="//; s/"$//')
    type=$(cq questions --json | jq -r --arg q "$question" '.questions[] | select(.id == $q) | .type')
    page_answers last-question.html |
        jq --arg q "$question" --arg v "$value" --arg t "$type" \
            '.answers[$q] = (if $t == "multi" then [$v] elif $t == "scale" then ($v | tonumber) else $v end)' \
            >answers.json
    title=$(cq score --json answers.json | jq -r .recommendation.title)
    grep -qF "Your career path: $title" "$OUT" || fail "the page does not name $title, as score does"
}

test_a_required_question_without_an_answer_is_asked_again() {
    serve_usable || return 0
    shared || return
    http POST /quiz --data 'answers=&question=education&go=next'
    expect_http 422
    grep -q 'Please choose an answer' "$OUT" || fail "no notice for a missing answer"
    grep -q 'name="question" value="education"' "$OUT" || fail "the same question is not asked"
    http POST /quiz --data 'answers=&question=education&go=skip'
    expect_http 422
    grep -q 'cannot be skipped' "$OUT" || fail "a required question was skipped"
    http POST /quiz --data 'answers=&question=education&answer=wizard&go=next'
    expect_http 422
    grep -q 'not taken' "$OUT" || fail "an unknown answer was taken"
    http POST /quiz --data 'answers=%7Bbroken&question=education&answer=phd'
    expect_http 400
}

test_back_keeps_the_answers_given() {
    serve_usable || return 0
    shared || return
    http POST /quiz --data 'answers=&question=education&answer=phd&go=next'
    expect_http 200
    grep -q 'name="question" value="field"' "$OUT" || fail "question 2 does not follow question 1"
    local answers
    answers=$(page_answers "$OUT")
    http POST /quiz --data-urlencode "answers=$answers" --data 'question=field&go=back'
    expect_http 200
    grep -q 'name="question" value="education"' "$OUT" || fail "back did not return to question 1"
    grep -q 'value="phd" checked' "$OUT" || fail "the answer given is not marked"
}

test_hostile_text_in_a_form_is_escaped() {
    serve_usable || return 0
    shared || return
    http POST /quiz --data-urlencode 'answers={"answers":{"<script>x</script>":"a"}}' \
        --data 'question=education&answer=phd'
    expect_http 400
    grep -q '<script>x' "$OUT" && fail "a key from the form reached the page unescaped"
    http POST /quiz --data-urlencode 'question=<img src=x>' --data 'answer=1'
    grep -q '<img src=x>' "$OUT" && fail "a question id from the form reached the page unescaped"
}

test_sigterm_stops_the_server_and_it_exits_0() {
    serve_usable || return 0
    own_server || return
    http GET /api/questions
    expect_http 200
    serve_stop
    expect_status 0
    grep -q 'stopped' "$TESTDIR/serve.err" || fail "no word that the server stopped"
}

test_bad_options_are_usage_errors() {
    serve_usable || return 0
    run cq serve --port 70000
    expect_status 64
    expect_stderr_contains "--port"
    run cq serve --port 0 --bind not-an-address.invalid
    expect_status 64
    expect_stderr_contains "cannot listen"
    run cq serve --port 0 --public-url 'javascript:alert(1)'
    expect_status 64
    expect_stderr_contains "--public-url"
    run cq serve --rate-limit fast
    expect_status 64
}

test_a_port_in_use_is_a_clear_error() {
    serve_usable || return 0
    own_server || return
    local port=${URL##*:}
    run cq serve --port "$port"
    expect_status 73
    expect_stderr_contains "cannot start the web server"
    serve_stop
}

# ---- results to take home (--db) ----

CODE_RE='^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$'

# The score --json of $1 with its keys sorted, for comparing with what the server keeps.
sorted_score() {
    cq score --json "$1" | jq -S .
}

test_api_results_stores_under_a_code_that_gives_the_same_result_back() {
    local f=${PERSONAS[0]} code title
    serve_usable || return 0
    own_server --db results.db --event ws-1 || return
    http POST /api/results --data-binary "@$f" -H 'Content-Type: application/json'
    expect_http 201
    code=$(jq -r .code "$OUT")
    grep -Eq "$CODE_RE" <<<"$code" || fail "not a code: $code"
    expect_header Location "/r/$code"
    jq -S .result "$OUT" >posted.json
    sorted_score "$f" >expected.json
    expect_same_file expected.json posted.json
    [ "$(sql results.db "SELECT event FROM results WHERE code = '$code'")" = ws-1 ] ||
        fail "the result is not in the database under $code with its event"
    http GET "/api/results/$code"
    expect_http 200
    expect_jq '.code == $c and .event == "ws-1" and .same_bank and (.taken_at | test("Z$"))' --arg c "$code"
    jq -S .result "$OUT" >got.json
    expect_same_file expected.json got.json
    # The page for people: the same recommendation, the code, printable.
    title=$(jq -r .recommendation.title expected.json)
    http GET "/r/$code"
    expect_http 200
    grep -qF "Your career path: $title" "$OUT" || fail "/r/$code does not name $title"
    grep -qF "<strong class=\"code\">$code</strong>" "$OUT" || fail "/r/$code does not show its code"
    # Typed in lower case without the dash, the code still finds it.
    http GET "/r/$(tr '[:upper:]' '[:lower:]' <<<"${code/-/}")"
    expect_http 200
    # Another person's answers get another code and their own result.
    http POST /api/results --data-binary "@${PERSONAS[1]}"
    expect_http 201
    [ "$(jq -r .code "$OUT")" != "$code" ] || fail "two results got one code"
    [ "$(sql results.db 'SELECT count(DISTINCT code) FROM results')" = 2 ] || fail "not two codes"
    serve_stop
}

test_unknown_codes_and_wrong_requests_are_refused_and_store_nothing() {
    serve_usable || return 0
    own_server --db results.db || return
    http GET /api/results/AAAA-AAAA
    expect_http 404
    expect_jq '.error == "no result under this code"'
    http GET /r/AAAA-AAAA
    expect_http 404
    expect_header Content-Type 'text/html'
    for path in /r/ /r/x /r/../etc/passwd /r/AAAA-AAAA-AAAA /r/AAAA%2FAAAA /api/results/0000-0000; do
        http GET "$path"
        [ "$HTTP" = 404 ] || fail "GET $path gave $HTTP, not 404"
    done
    http POST /api/results --data-binary '{"answers": {"education": "wizard"}}'
    expect_http 400
    expect_jq '.error | contains("wizard")'
    http POST /api/results --data-binary '{broken'
    expect_http 400
    http GET /api/results
    expect_http 405
    expect_header Allow POST
    http POST /r/AAAA-AAAA
    expect_http 405
    [ "$(sql results.db 'SELECT count(*) FROM results')" = 0 ] || fail "a refused request stored a row"
    serve_stop
}

test_without_db_nothing_is_stored_and_the_api_says_why() {
    serve_usable || return 0
    shared || return
    http POST /api/results --data-binary "@${PERSONAS[0]}"
    expect_http 503
    expect_jq '.error | contains("--db")'
    http GET /api/results/AAAA-AAAA
    expect_http 404
    expect_jq '.error | contains("no --db")'
}

test_finishing_the_quiz_stores_it_and_sends_the_browser_to_its_code() {
    local i args=() code
    serve_usable || return 0
    own_server --db results.db --event fair || return
    http GET /quiz
    for ((i = 0; i < 40; i++)); do
        grep -q 'name="question"' "$OUT" || break
        mapfile -t args < <(answer_first_choice)
        http POST /quiz "${args[@]}"
        [ "$HTTP" = 200 ] || break
    done
    expect_http 303
    code=$(grep -i '^Location:' "$TESTDIR/headers" | sed 's|.*/r/||' | tr -d '\r')
    grep -Eq "$CODE_RE" <<<"$code" || fail "the last answer did not lead to /r/CODE: $(cat "$TESTDIR/headers")"
    [ "$(sql results.db "SELECT count(*) FROM results WHERE code = '$code' AND event = 'fair'")" = 1 ] ||
        fail "the finished quiz is not stored under $code"
    sql results.db "SELECT answers FROM results WHERE code = '$code'" >stored.json
    http GET "/r/$code"
    expect_http 200
    grep -qF "Your career path: $(cq score --json stored.json | jq -r .recommendation.title)" "$OUT" ||
        fail "/r/$code does not show the result of the stored answers"
    serve_stop
}

# A skip in the browser quiz was forgotten (cq_answers_clear): the stored answers had no key
# for it, so they read as a question never reached. It is kept as null, as take keeps it.
test_a_question_skipped_in_the_browser_is_stored_as_skipped() {
    local i args=() code question
    serve_usable || return 0
    own_server --db results.db || return
    http GET /quiz
    for ((i = 0; i < 40; i++)); do
        grep -q 'name="question"' "$OUT" || break
        mapfile -t args < <(answer_first_choice)
        question=$(grep -o 'name="question" value="[^"]*"' "$OUT" | sed 's/.*value="//; s/"$//')
        [ "$question" = setting ] && args[${#args[@]} - 1]=go=skip
        http POST /quiz "${args[@]}"
        [ "$HTTP" = 200 ] || break
    done
    expect_http 303
    code=$(grep -i '^Location:' "$TESTDIR/headers" | sed 's|.*/r/||' | tr -d '\r')
    sql results.db "SELECT answers FROM results WHERE code = '$code'" >stored.json
    jq -e '.answers | has("setting") and .setting == null' stored.json >/dev/null ||
        fail "the skipped setting is not stored as null: $(cat stored.json)"
    jq -e '.answers.field != null' stored.json >/dev/null || fail "field was not answered"
    http GET "/api/results/$code"
    expect_http 200
    jq -S .result "$OUT" >api.json
    sorted_score stored.json >score.json
    expect_same_file score.json api.json
    http GET "/r/$code"
    expect_http 200
    grep -qF "Your career path: $(jq -r .recommendation.title score.json)" "$OUT" ||
        fail "/r/$code does not show the result of the stored answers"
    serve_stop
}

test_a_locked_database_keeps_the_result_and_stores_it_under_its_code_later() {
    local code holder
    serve_usable || return 0
    command -v sqlite3 >/dev/null || { skip "no sqlite3 command"; return 0; }
    own_server --db results.db || return
    # Another process holds the write lock for longer than the server waits (3 s).
    { echo 'BEGIN IMMEDIATE;'; sleep 6; echo 'COMMIT;'; } | sqlite3 results.db &
    holder=$!
    sleep 0.5
    http POST /api/results --data-binary "@${PERSONAS[0]}"
    expect_http 202
    expect_jq '.pending == true and (.result.recommendation.id | length > 0)'
    code=$(jq -r .code "$OUT")
    grep -Eq "$CODE_RE" <<<"$code" || fail "a kept result has no code: $code"
    grep -q 'kept in' "$TESTDIR/serve.err" || fail "the server's log does not say where it is kept"
    wait "$holder"
    # The next result that gets through stores the kept one, under the code already given.
    http POST /api/results --data-binary "@${PERSONAS[1]}"
    expect_http 201
    http GET "/api/results/$code"
    expect_http 200
    [ "$(sql results.db 'SELECT count(*) FROM results')" = 2 ] || fail "not both results stored"
    serve_stop
}

test_a_database_that_cannot_be_written_stops_serve_with_a_clear_error() {
    serve_usable || return 0
    run cq serve --port 0 --db /proc/no-such-folder/results.db
    expect_status 73
    expect_stderr_contains "cannot create folder for the results database"
    printf 'not a database at all, but longer than a header' >foreign.db
    run cq serve --port 0 --db foreign.db
    expect_status 65
    expect_stderr_contains "foreign.db"
}

# ---- the facilitator screen ----

# The key a server printed at its start (a made one).
printed_key() {
    grep -o 'its key: [^ ]*' "$SERVE_DIR/serve.err" | sed 's/its key: //'
}

test_the_facilitator_routes_refuse_requests_without_the_key() {
    local key path
    serve_usable || return 0
    own_server --db results.db --event ws || return
    key=$(printed_key)
    [ "${#key}" -ge 20 ] || fail "no key printed at the start: $(cat "$SERVE_DIR/serve.err")"
    for path in /facilitator /facilitator/panel /facilitator/events /facilitator/export.csv /api/stats; do
        http GET "$path"
        [ "$HTTP" = 401 ] || fail "GET $path without the key gave $HTTP"
        expect_header WWW-Authenticate 'Bearer realm='
        http GET "$path" -H "Authorization: Bearer ${key}x"
        [ "$HTTP" = 401 ] || fail "GET $path with a longer key gave $HTTP"
        http GET "$path" -H "Authorization: Bearer ${key%?}"
        [ "$HTTP" = 401 ] || fail "GET $path with a shorter key gave $HTTP"
        http GET "$path" -H "Cookie: cq_facilitator=nope-nope-nope"
        [ "$HTTP" = 401 ] || fail "GET $path with a wrong cookie gave $HTTP"
        # A key in the address is not taken: addresses end up in logs and histories.
        http GET "$path?key=$key"
        [ "$HTTP" = 401 ] || fail "GET $path?key= gave $HTTP"
    done
    http GET /facilitator
    grep -q '<form method="post" action="/facilitator/login"' "$OUT" || fail "no login form"
    grep -qF "$key" "$OUT" && fail "the login page shows the key"
    http POST /facilitator/login --data 'key=not-the-key-at-all'
    expect_http 401
    grep -q 'not the facilitator key' "$OUT" || fail "no word that the key is wrong"
    http POST /facilitator/login --data-urlencode "key=$key"
    expect_http 303
    expect_header Location /facilitator
    expect_header Set-Cookie "cq_facilitator=$key; Path=/; HttpOnly; SameSite=Strict"
    http GET /facilitator -H "Cookie: other=1; cq_facilitator=$key"
    expect_http 200
    http GET /api/stats -H "Authorization: Bearer $key"
    expect_http 200
    http POST /api/stats -H "Authorization: Bearer $key"
    expect_http 405
    serve_stop
}

test_the_facilitator_screen_shows_the_room_and_its_stats_and_csv_match_the_cli() {
    local key f
    serve_usable || return 0
    own_server --db results.db --event ws --public-url http://192.0.2.5:8080 || return
    key=$(printed_key)
    for f in "${PERSONAS[@]:0:3}"; do
        http POST /api/results --data-binary "@$f"
        expect_http 201
    done
    # A result of another event is not the room's.
    cq batch <(jq -c . "${PERSONAS[3]}") --db results.db --event other >/dev/null
    http GET /facilitator -H "Authorization: Bearer $key"
    expect_http 200
    grep -q '<p class="address">http://192.0.2.5:8080/quiz</p>' "$OUT" || fail "no join address"
    # A build without libqrencode says so in the page instead.
    grep -q 'QR code of the quiz' "$OUT" || grep -q 'no QR code in this build' "$OUT" ||
        fail "no QR code"
    grep -q 'data-total="3">3 finished' "$OUT" || fail "the count is not 3"
    grep -q '<h2>Recommended roles</h2>' "$OUT" || fail "no role bars"
    grep -q '<h2>Answers per question</h2>' "$OUT" || fail "no answers per question"
    grep -q '<noscript><meta http-equiv="refresh"' "$OUT" || fail "no refresh without JavaScript"
    grep -q 'href="/facilitator/export.csv"' "$OUT" || fail "no CSV link"
    grep -q '<script src="/assets/facilitator.js"' "$OUT" || fail "no live script"
    # /api/stats is stats --json of the event, byte for byte.
    http GET /api/stats -H "Authorization: Bearer $key"
    expect_http 200
    cq stats --json --db results.db --event ws >expected.json
    expect_same_file expected.json "$OUT"
    # The CSV is export's.
    http GET /facilitator/export.csv -H "Authorization: Bearer $key"
    expect_http 200
    expect_header Content-Type 'text/csv'
    expect_header Content-Disposition 'attachment'
    cq export --db results.db --event ws >expected.csv
    expect_same_file expected.csv "$OUT"
    # The script's panel is the page's panel.
    http GET /facilitator/panel -H "Authorization: Bearer $key"
    expect_http 200
    grep -q 'data-total="3"' "$OUT" || fail "the panel alone does not count 3"
    serve_stop
}

test_the_event_stream_tells_of_results_from_this_server_and_from_other_processes() {
    local key stream
    serve_usable || return 0
    own_server --db results.db --event ws || return
    key=$(printed_key)
    curl -s -N -m 60 -H "Authorization: Bearer $key" "$URL/facilitator/events" >events.txt &
    stream=$!
    wait_for_line events.txt 'data: {"total":0}'
    http POST /api/results --data-binary "@${PERSONAS[0]}"
    expect_http 201
    wait_for_line events.txt 'data: {"total":1}'
    # Another process writes the same database: the server notices (it looks once a second;
    # under valgrind on a busy machine that can take a while, so the test waits for the line).
    cq batch <(jq -c . "${PERSONAS[1]}") --db results.db --event ws >/dev/null
    wait_for_line events.txt 'data: {"total":2}'
    kill "$stream" 2>/dev/null
    wait "$stream" 2>/dev/null
    grep -q '^retry: ' events.txt || fail "no retry time on the stream"
    for n in 0 1 2; do
        grep -qx "data: {\"total\":$n}" events.txt || { fail "no event with total $n"; show events.txt; }
    done
    serve_stop
}

test_the_key_file_gives_the_key_and_bad_key_files_are_refused() {
    serve_usable || return 0
    printf 'a-key-of-the-facilitator  \n' >key.txt
    own_server --db results.db --facilitator-key-file key.txt || return
    grep -q 'its key' "$SERVE_DIR/serve.err" && fail "a key from a file was printed"
    http GET /api/stats -H 'Authorization: Bearer a-key-of-the-facilitator'
    expect_http 200
    http GET /api/stats -H 'Authorization: Bearer a-key-of-the-facilitator  '
    expect_http 401
    serve_stop
    printf 'short\n' >short.txt
    run cq serve --port 0 --facilitator-key-file short.txt
    expect_status 65
    expect_stderr_contains "facilitator key"
    run cq serve --port 0 --facilitator-key-file no-such-file
    expect_status 66
    : >empty.txt
    run cq serve --port 0 --facilitator-key-file empty.txt
    expect_status 65
}

test_a_key_given_on_the_command_line_works_and_is_blanked_from_ps() {
    serve_usable || return 0
    own_server --db results.db --facilitator-key given-key-of-the-room || return
    grep -q 'its key' "$SERVE_DIR/serve.err" && fail "a given key was printed"
    grep -q 'other users of this machine' "$SERVE_DIR/serve.err" ||
        fail "no warning that a key on the command line can be seen"
    # What ps shows: the key blanked once serve has it (under valgrind the server's process
    # is valgrind's, whose own copy of the arguments is not the program's).
    if [ -z "${CQ_WRAPPER:-}" ] && [ -r "/proc/$SERVE_PID/cmdline" ]; then
        tr '\0' ' ' <"/proc/$SERVE_PID/cmdline" >cmdline.txt
        grep -q 'given-key-of-the-room' cmdline.txt && fail "ps still shows the key: $(cat cmdline.txt)"
        grep -q 'xxxxxxxxxxxxxxxxxxxxx' cmdline.txt || fail "the key was not blanked: $(cat cmdline.txt)"
    fi
    http GET /api/stats -H 'Authorization: Bearer given-key-of-the-room'
    expect_http 200
    http GET /api/stats -H 'Authorization: Bearer xxxxxxxxxxxxxxxxxxxxx'
    expect_http 401
    serve_stop
    run cq serve --port 0 --facilitator-key short
    expect_status 64
    expect_stderr_contains "facilitator key"
    printf 'a-key-of-the-facilitator\n' >key.txt
    run cq serve --port 0 --facilitator-key given-key-of-the-room --facilitator-key-file key.txt
    expect_status 64
    expect_stderr_contains "not both"
}

test_without_db_the_facilitator_screen_says_there_is_nothing_to_count() {
    local key
    serve_usable || return 0
    own_server || return
    key=$(printed_key)
    http GET /facilitator -H "Authorization: Bearer $key"
    expect_http 200
    grep -q 'keeps no results' "$OUT" || fail "no word that nothing is kept"
    http GET /api/stats -H "Authorization: Bearer $key"
    expect_http 503
    expect_jq '.error | contains("--db")'
    serve_stop
}

test_the_shared_server_stops_on_sigterm_with_status_0() {
    serve_usable || return 0
    shared || return
    serve_stop
    expect_status 0
}

# qr_blocks_decoded FILE: what zbarimg reads from the first QR code of half blocks in FILE
# (drawn without colour: a full block or half block is a light module, a space a dark one).
qr_blocks_decoded() {
    grep -E '^  [█▀▄ ]+$' "$1" | sed 's/^  //; s/█/A/g; s/▀/T/g; s/▄/B/g' |
        awk 'BEGIN { s = 4 }
            { line[NR] = $0; if (length($0) > w) w = length($0) }
            END {
                printf "P1\n%d %d\n", w * s, NR * 2 * s
                for (r = 1; r <= NR; r++)
                    for (half = 0; half < 2; half++)
                        for (k = 0; k < s; k++) {
                            out = ""
                            for (c = 1; c <= w; c++) {
                                ch = substr(line[r], c, 1)
                                light = ch == "A" || (half == 0 && ch == "T") || (half == 1 && ch == "B")
                                for (m = 0; m < s; m++) out = out (light ? "0 " : "1 ")
                            }
                            print out
                        }
            }' >"$TESTDIR/qr.pbm"
    zbarimg -q --raw "$TESTDIR/qr.pbm" 2>/dev/null
}

test_a_kiosk_with_the_public_url_shows_the_address_and_qr_code_serve_answers() {
    local questions code
    serve_usable || return 0
    own_server --db k.db || return
    questions=$(jq '.questions | length' "$ROOT/questions/bank.json")
    { printf '\n'; yes 2 | head -n "$questions"; printf '\n'; } >typed.txt
    run cq kiosk --db k.db --exit-word bye --public-url "$URL" <typed.txt
    expect_status 0
    code=$(grep -o "or open $URL/r/[A-Z0-9-]*" "$ERR" | sed 's|.*/r/||')
    [ -n "$code" ] || fail "the results screen gives no address of the result"
    [ "$code" = "$(sqlite3 k.db 'SELECT code FROM results')" ] ||
        fail "the address's code $code is not the stored result's"
    grep -q '▀\|▄\|█' "$ERR" || fail "the results screen shows no QR code"
    if command -v zbarimg >/dev/null; then
        [ "$(qr_blocks_decoded "$ERR")" = "$URL/r/$code" ] ||
            fail "the QR code does not read $URL/r/$code: $(qr_blocks_decoded "$ERR")"
    fi
    http GET "/r/$code"
    expect_http 200
    grep -qF "$code" "$OUT" || fail "/r/$code does not show the result's code"
    run cq kiosk --db k.db --exit-word bye --public-url "$URL/" </dev/null
    expect_status 64
    expect_stderr_contains "without a trailing slash"
    serve_stop
}

run_tests
