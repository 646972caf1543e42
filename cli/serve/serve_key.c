/* serve_key.c: the facilitator's key: read from a file, made when none is given, and checked
 * in constant time against what a request carries (a bearer token or a cookie). */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "exitcode.h"
#include "diagnostics.h"
#include "serve.h"

/* The cookie that the login form sets. */
#define KEY_COOKIE "cq_facilitator"

/* Letters of a made key: no look-alikes (0/O, 1/I/l). 24 of them carry about 120 bits. */
static const char key_alphabet[] = "23456789abcdefghijkmnpqrstuvwxyz";
#define MADE_KEY_LENGTH 24

int serve_key_make(char *key, size_t size)
{
    unsigned char bytes[MADE_KEY_LENGTH];
    size_t got = 0;

    if (size < MADE_KEY_LENGTH + 1)
        return CLI_EXIT_SOFTWARE;
    while (got < sizeof bytes) {
        ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
        if (n < 0 && errno != EINTR) {
            char text[128];
            cli_error("cannot make a facilitator key (%s): give one with --facilitator-key-file",
                      cli_strerror(errno, text, sizeof text));
            return CLI_EXIT_SOFTWARE;
        }
        if (n > 0)
            got += (size_t)n;
    }
    for (size_t i = 0; i < MADE_KEY_LENGTH; i++)
        key[i] = key_alphabet[bytes[i] % (sizeof key_alphabet - 1)];
    key[MADE_KEY_LENGTH] = '\0';
    return CLI_EXIT_OK;
}

/* A key may hold printable ASCII only: it travels in a header and a cookie. */
static bool valid_key(const char *key)
{
    size_t len = strlen(key);
    for (const char *p = key; *p; p++)
        if (*p <= ' ' || *p > '~' || *p == ';' || *p == ',' || *p == '"' || *p == '\\')
            return false;
    return len >= SERVE_MIN_KEY_BYTES && len <= SERVE_MAX_KEY_BYTES;
}

int serve_key_check(const char *key, const char *where)
{
    if (valid_key(key))
        return CLI_EXIT_OK;
    cli_error("the facilitator key from %s must be %d to %d printable characters without "
              "spaces, quotes, commas or semicolons",
              where, SERVE_MIN_KEY_BYTES, SERVE_MAX_KEY_BYTES);
    return CLI_EXIT_USAGE;
}

int serve_key_read(const char *path, char *key, size_t size)
{
    char text[128];
    FILE *in = fopen(path, "r");

    if (!in) {
        cli_error("cannot open the facilitator key file (%s): %s",
                  cli_strerror(errno, text, sizeof text), path);
        return CLI_EXIT_NOINPUT;
    }
    bool read = fgets(key, (int)size, in) != NULL;
    int failed = ferror(in);
    fclose(in);
    if (!read || failed) {
        cli_error("cannot read a key from the facilitator key file: %s", path);
        return failed ? CLI_EXIT_IO : CLI_EXIT_DATA;
    }
    /* The first line, without its end of line and trailing blanks. */
    size_t len = strcspn(key, "\r\n");
    while (len > 0 && (key[len - 1] == ' ' || key[len - 1] == '\t'))
        len--;
    key[len] = '\0';
    return serve_key_check(key, "the key file") == CLI_EXIT_OK ? CLI_EXIT_OK : CLI_EXIT_DATA;
}

/* Compares in time that depends on the key's length only, never on where the texts differ. */
static bool same_key(const char *given, size_t given_len, const char *key)
{
    size_t key_len = strlen(key);
    unsigned char diff = given_len != key_len;

    for (size_t i = 0; i < key_len; i++)
        diff |= (unsigned char)((i < given_len ? given[i] : 0) ^ key[i]);
    return diff == 0;
}

/* The value of cookie `name` in a Cookie header, and its length, or NULL. */
static const char *cookie_value(const char *header, const char *name, size_t *len)
{
    size_t name_len = strlen(name);
    for (const char *p = header; p && *p;) {
        while (*p == ' ' || *p == ';')
            p++;
        size_t pair = strcspn(p, ";");
        if (pair > name_len && strncmp(p, name, name_len) == 0 && p[name_len] == '=') {
            *len = pair - name_len - 1;
            return p + name_len + 1;
        }
        p += pair;
    }
    return NULL;
}

bool serve_key_given(const struct serve_app *app, const struct serve_request *request)
{
    const char *bearer = "Bearer ";
    const char *given = NULL;
    size_t len = 0;

    if (!app->facilitator_key)
        return false;
    if (request->authorization && strncmp(request->authorization, bearer, strlen(bearer)) == 0) {
        given = request->authorization + strlen(bearer);
        len = strlen(given);
    } else if (request->cookie) {
        given = cookie_value(request->cookie, KEY_COOKIE, &len);
    }
    return given && same_key(given, len, app->facilitator_key);
}

bool serve_key_cookie(const struct serve_app *app, bool secure, struct serve_response *response)
{
    size_t size = strlen(KEY_COOKIE) + strlen(app->facilitator_key) + 96;
    response->set_cookie = malloc(size);
    if (!response->set_cookie)
        return false;
    /* HttpOnly: no script reads it; SameSite=Strict: no other site's page sends it. */
    snprintf(response->set_cookie, size, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s", KEY_COOKIE,
             app->facilitator_key, secure ? "; Secure" : "");
    return true;
}
