/* serve_daemon.c: the HTTP server itself (libmicrohttpd): reads each request whole, hands it
 * to serve_handle, sends the answer with the headers every response carries, and stops on
 * SIGTERM or SIGINT once the requests in flight are answered. */

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "exitcode.h"
#include "diagnostics.h"
#include "serve.h"

/* Seconds a connection may stay silent before it is closed. */
#define SERVE_IDLE_SECONDS 30
/* Connections at once, in all, and from one address. A room of phones on the venue's network
 * has an address each; 256 leaves room for 200 requests at once from one machine (the tests),
 * and a slow client holding sockets open cannot take every one of them. */
#define SERVE_MAX_CONNECTIONS 1000
#define SERVE_MAX_PER_ADDRESS 256
/* Bytes a connection may use for its request line and headers (and its read buffer); larger
 * headers get 431. */
#define SERVE_HEADER_MEMORY (32 * 1024)
/* Threads answering requests, each with its own epoll loop. */
#define SERVE_THREADS 4

/* Every response forbids what the pages never need: other origins, framing, sniffing. */
static const char content_security_policy[] =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

struct daemon_state {
    const struct serve_app *app;
    atomic_int in_flight; /* requests read or being answered */
};

/* One request while its body arrives. */
struct request_state {
    char *body;
    size_t size;
    bool too_large;
};

/* A request is in flight from its first call to its completion. */
static void request_completed(void *cls, struct MHD_Connection *connection, void **req_cls,
                              enum MHD_RequestTerminationCode code)
{
    struct daemon_state *daemon = cls;
    struct request_state *state = *req_cls;

    (void)connection;
    (void)code;
    if (state) {
        free(state->body);
        free(state);
        *req_cls = NULL;
        atomic_fetch_sub(&daemon->in_flight, 1);
    }
}

/* Adds header name: value, or reports that it could not. */
static bool add_header(struct MHD_Response *response, const char *name, const char *value)
{
    return !value || MHD_add_response_header(response, name, value) == MHD_YES;
}

static enum MHD_Result send_error(struct MHD_Connection *connection, unsigned status,
                                  const char *message);

/* Sends what serve_handle answered, taking over its body. */
static enum MHD_Result send_response(const struct serve_app *app, struct MHD_Connection *connection,
                                     struct serve_response *answer)
{
    struct MHD_Response *response;
    char retry[16];

    if (answer->event_stream) {
        response = serve_events_response(app->events, connection);
        if (!response)
            return send_error(connection, 503, "too many live streams open: try again later");
    } else if (answer->body) {
        response =
            MHD_create_response_from_buffer(answer->body_size, answer->body, MHD_RESPMEM_MUST_FREE);
        if (response)
            answer->body = NULL;
    } else if (answer->fixed_body) { /* sent as it is: no copy */
        response = MHD_create_response_from_buffer(answer->body_size, (void *)answer->fixed_body,
                                                   MHD_RESPMEM_PERSISTENT);
    } else {
        response = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
    }
    if (!response)
        return MHD_NO;
    snprintf(retry, sizeof retry, "%u", answer->retry_after);
    bool ok = add_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, answer->content_type) &&
              add_header(response, "Content-Security-Policy", content_security_policy) &&
              add_header(response, "X-Content-Type-Options", "nosniff") &&
              add_header(response, "X-Frame-Options", "DENY") &&
              add_header(response, "Referrer-Policy", "no-referrer") &&
              add_header(response, MHD_HTTP_HEADER_CACHE_CONTROL,
                         answer->cache ? answer->cache : "no-store") &&
              add_header(response, MHD_HTTP_HEADER_LOCATION,
                         answer->location ? answer->location : answer->location_owned) &&
              add_header(response, MHD_HTTP_HEADER_SET_COOKIE, answer->set_cookie) &&
              add_header(response, MHD_HTTP_HEADER_ALLOW, answer->allow) &&
              add_header(response, MHD_HTTP_HEADER_WWW_AUTHENTICATE, answer->authenticate) &&
              add_header(response, MHD_HTTP_HEADER_CONTENT_DISPOSITION, answer->disposition) &&
              add_header(response, MHD_HTTP_HEADER_RETRY_AFTER, answer->retry_after ? retry : NULL);
    enum MHD_Result result = ok ? MHD_queue_response(connection, answer->status, response) : MHD_NO;
    MHD_destroy_response(response);
    return result;
}

/* An answer made here rather than by serve_handle: a body over the limit. */
static enum MHD_Result send_error(struct MHD_Connection *connection, unsigned status,
                                  const char *message)
{
    struct serve_response answer;
    memset(&answer, 0, sizeof answer);
    serve_json_error(&answer, status, message, NULL);
    enum MHD_Result result = send_response(NULL, connection, &answer);
    serve_response_release(&answer);
    return result;
}

/* The client's address as text ("192.0.2.7", "2001:db8::1"), or "" when unknown. */
static void client_address(struct MHD_Connection *connection, char *buf, size_t size)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *addr = info ? info->client_addr : NULL;

    buf[0] = '\0';
    if (!addr)
        return;
    if (addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)addr)->sin_addr, buf,
                  (socklen_t)size);
    else if (addr->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)addr)->sin6_addr, buf,
                  (socklen_t)size);
}

/* A Content-Length over the limit is answered at once, before the body is read. */
static bool declared_too_large(struct MHD_Connection *connection)
{
    const char *length =
        MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (!length)
        return false;
    errno = 0;
    char *end;
    unsigned long long n = strtoull(length, &end, 10);
    return errno == ERANGE || (end != length && n > SERVE_MAX_BODY_BYTES);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *connection, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **req_cls)
{
    struct daemon_state *daemon = cls;
    struct request_state *state = *req_cls;
    char client[INET6_ADDRSTRLEN];

    (void)version;
    if (!state) {
        state = calloc(1, sizeof *state);
        if (!state)
            return MHD_NO;
        *req_cls = state;
        atomic_fetch_add(&daemon->in_flight, 1);
        if (declared_too_large(connection))
            return send_error(connection, 413, "request body over 1 MiB");
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        if (state->too_large)
            return MHD_YES;
        if (state->size + n > SERVE_MAX_BODY_BYTES) {
            state->too_large = true;
            free(state->body);
            state->body = NULL;
            return MHD_YES;
        }
        char *grown = realloc(state->body, state->size + n + 1);
        if (!grown)
            return MHD_NO;
        memcpy(grown + state->size, upload_data, n);
        state->body = grown;
        state->size += n;
        state->body[state->size] = '\0';
        return MHD_YES;
    }
    if (state->too_large)
        return send_error(connection, 413, "request body over 1 MiB");

    client_address(connection, client, sizeof client);
    struct serve_request request = {
        .method = method,
        .path = url,
        .cookie = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_COOKIE),
        .authorization =
            MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION),
        .content_type =
            MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE),
        .host = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST),
        .client = client,
        .body = state->body ? state->body : "",
        .body_size = state->size,
    };
    struct serve_response answer;
    memset(&answer, 0, sizeof answer);
    serve_handle(daemon->app, &request, &answer);
    enum MHD_Result result = send_response(daemon->app, connection, &answer);
    serve_response_release(&answer);
    return result;
}

/* The URL's path is percent-decoded as libmicrohttpd does it, except that a path holding %00
 * stays as it is: decoded, the NUL would end the C string early ("/assets/app.css%00.js" would
 * be read as "/assets/app.css"), and no path of ours has one. */
static size_t unescape_path(void *cls, struct MHD_Connection *connection, char *text)
{
    (void)cls;
    (void)connection;
    if (strstr(text, "%00"))
        return strlen(text);
    return MHD_http_unescape(text);
}

/* libmicrohttpd's own messages (a port in use, a bad request line) on stderr. Control bytes are
 * shown as '?': a message may quote what a client sent. */
static void log_message(void *cls, const char *format, va_list args)
{
    char text[512];

    (void)cls;
    vsnprintf(text, sizeof text, format, args);
    for (char *p = text; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = (*p == '\n' && p[1] == '\0') ? '\0' : '?';
    cli_error("web server: %s", text);
}

/* The socket address to listen on, from --bind and the port. Returns false after reporting a
 * bad address. */
static bool listen_address(const char *bind, unsigned port, struct sockaddr_storage *addr,
                           bool *ipv6)
{
    struct addrinfo hints, *found = NULL;
    char service[16];

    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    snprintf(service, sizeof service, "%u", port);
    int rc = getaddrinfo(bind, service, &hints, &found);
    if (rc != 0 || !found) {
        cli_error("cannot listen at \"%s\" (%s): use an address of this machine, such as "
                  "127.0.0.1 or 0.0.0.0",
                  bind, gai_strerror(rc));
        return false;
    }
    memcpy(addr, found->ai_addr, found->ai_addrlen);
    *ipv6 = found->ai_family == AF_INET6;
    freeaddrinfo(found);
    return true;
}

/* Waits for SIGTERM, SIGINT or SIGHUP, which the caller blocked; every second meanwhile, the
 * live streams get their heartbeat when it is due, and hear of results that other processes
 * stored. */
static int wait_for_stop(const struct serve_app *app, const sigset_t *stop)
{
    const struct timespec second = {1, 0};
    for (;;) {
        int signo = sigtimedwait(stop, NULL, &second);
        if (signo > 0)
            return signo;
        serve_events_tick(app->events);
        serve_results_watch(app->results);
    }
}

/* Sleeps until the requests in flight are answered or `seconds` have passed. */
static void drain(struct daemon_state *daemon, int seconds)
{
    const struct timespec step = {0, 20 * 1000 * 1000};
    for (int waited = 0; atomic_load(&daemon->in_flight) > 0 && waited < seconds * 50; waited++)
        nanosleep(&step, NULL);
}

int serve_run(const struct serve_app *app, const char *bind, unsigned port)
{
    struct daemon_state daemon = {.app = app};
    struct sockaddr_storage addr;
    bool ipv6 = false;
    sigset_t stop, previous;

    if (!listen_address(bind, port, &addr, &ipv6))
        return CLI_EXIT_USAGE;

    /* The server's threads inherit this mask, so the stop signals reach sigwait alone. */
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop, &previous);
    signal(SIGPIPE, SIG_IGN);

    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
    if (ipv6)
        flags |= MHD_USE_IPv6;
    struct MHD_Daemon *server = MHD_start_daemon(
        flags, (uint16_t)port, NULL, NULL, on_request, &daemon, MHD_OPTION_EXTERNAL_LOGGER,
        log_message, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)SERVE_THREADS, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)SERVE_IDLE_SECONDS, MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_MAX_CONNECTIONS,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)SERVE_MAX_PER_ADDRESS,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_HEADER_MEMORY,
        MHD_OPTION_NOTIFY_COMPLETED, request_completed, &daemon, MHD_OPTION_UNESCAPE_CALLBACK,
        unescape_path, NULL, MHD_OPTION_END);
    if (!server) {
        char text[128];
        cli_error("cannot start the web server at %s port %u (%s)", bind, port,
                  cli_strerror(errno ? errno : EADDRINUSE, text, sizeof text));
        pthread_sigmask(SIG_SETMASK, &previous, NULL);
        return CLI_EXIT_CANTCREAT;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(server, MHD_DAEMON_INFO_BIND_PORT);
    unsigned bound = info ? info->port : port;
    fprintf(stderr, "careerquiz: the quiz is at http://%s%s%s:%u/quiz (Ctrl-C stops)\n",
            ipv6 ? "[" : "", bind, ipv6 ? "]" : "", bound);
    /* A made key is shown once, here, to the person who started the server; it goes in a
     * login form or a header, never in an address that a log would keep. */
    fprintf(stderr, "careerquiz: the facilitator screen is at http://%s%s%s:%u/facilitator%s%s\n",
            ipv6 ? "[" : "", bind, ipv6 ? "]" : "", bound,
            app->key_source == SERVE_KEY_MADE   ? "; its key: "
            : app->key_source == SERVE_KEY_FILE ? " (the key in --facilitator-key-file)"
                                                : " (the key given with --facilitator-key)",
            app->key_source == SERVE_KEY_MADE ? app->facilitator_key : "");
    fflush(stderr);

    int signo = wait_for_stop(app, &stop);
    /* No new connections; the live streams end; the requests already read are answered, for a
     * moment at most. */
    MHD_socket listener = MHD_quiesce_daemon(server);
    serve_events_close(app->events);
    drain(&daemon, SERVE_STOP_SECONDS);
    MHD_stop_daemon(server);
    if (listener != MHD_INVALID_SOCKET)
        close(listener);
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    fprintf(stderr, "careerquiz: the web server stopped (%s)\n",
            signo == SIGINT   ? "interrupted"
            : signo == SIGHUP ? "hang-up"
                              : "terminated");
    return CLI_EXIT_OK;
}
