/* xdg_dir.c: where careerquiz keeps what outlives a run (the XDG base directory spec). */
#include "xdg_dir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *xdg_path(const char *variable, const char *home_dir, const char *name)
{
    const char *xdg = getenv(variable);
    const char *home = getenv("HOME");
    const char *base, *middle;
    char *path;
    size_t size;

    if (xdg && xdg[0] == '/') {
        base = xdg;
        middle = "";
    } else if (home && home[0]) {
        base = home;
        middle = home_dir;
    } else {
        return NULL;
    }
    size = strlen(base) + strlen(middle) + strlen(name) + sizeof "//careerquiz/";
    path = malloc(size);
    if (path)
        snprintf(path, size, "%s%s%s/careerquiz%s%s", base, middle[0] ? "/" : "", middle,
                 name[0] ? "/" : "", name);
    return path;
}

char *state_dir(const char *name)
{
    return xdg_path("XDG_STATE_HOME", ".local/state", name);
}
