#!/usr/bin/env bash
# test_serve.sh: careerquiz serve over HTTP with curl: the JSON API against the CLI, every
# error status, the security headers, the limits, the quiz taken with plain forms, and stopping.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/serve_lib.sh"

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
    http GET /api/questions
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

test_the_shared_server_stops_on_sigterm_with_status_0() {
    serve_usable || return 0
    shared || return
    serve_stop
    expect_status 0
}

run_tests
