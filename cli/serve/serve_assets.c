/* serve_assets.c: the files under /assets/: the report's stylesheet and the embedded ones. */

#include <string.h>

#include "doc.h"
#include "serve.h"
#include "serve_assets.h"

/* Assets change only with the binary: a browser may keep them for a day. */
#define ASSET_CACHE "public, max-age=86400"

static const char *type_of(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (dot && strcmp(dot, ".css") == 0)
        return "text/css; charset=utf-8";
    if (dot && strcmp(dot, ".js") == 0)
        return "text/javascript; charset=utf-8";
    if (dot && strcmp(dot, ".svg") == 0)
        return "image/svg+xml";
    return "application/octet-stream";
}

/* Assets are in the binary: sent from there, never copied. */
static bool send(struct serve_response *response, const char *type, const char *data, size_t size)
{
    response->status = 200;
    response->content_type = type;
    response->fixed_body = data;
    response->body_size = size;
    response->cache = ASSET_CACHE;
    return true;
}

bool serve_asset(const char *path, struct serve_response *response)
{
    const char *name = path + strlen("/assets/");

    if (strncmp(path, "/assets/", strlen("/assets/")) != 0 || name[0] == '\0')
        return false;
    if (strcmp(name, "report.css") == 0)
        return send(response, type_of(name), doc_html_style, strlen(doc_html_style));
    for (size_t i = 0; i < serve_assets_count; i++) {
        const char *base = strrchr(serve_assets[i].name, '/');
        base = base ? base + 1 : serve_assets[i].name;
        if (strcmp(base, name) == 0)
            return send(response, type_of(base), serve_assets[i].data, serve_assets[i].size);
    }
    return false;
}
