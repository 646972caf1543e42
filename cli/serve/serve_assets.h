/* serve_assets.h: the stylesheet and script of careerquiz serve, compiled into the binary
 * (build/gen/serve_assets.c, from cli/serve/assets/ by gen_embedded). */
#ifndef CQ_CLI_SERVE_ASSETS_H
#define CQ_CLI_SERVE_ASSETS_H

#include <stddef.h>

#include "careerquiz.h"

/* Each entry is named by its path in the source tree ("cli/serve/assets/app.css"). */
extern const cq_source serve_assets[];
extern const size_t serve_assets_count;

#endif /* CQ_CLI_SERVE_ASSETS_H */
