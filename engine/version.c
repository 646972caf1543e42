/* version.c: the library's own version, for programs built against another header. */
#include "careerquiz.h"

const char *cq_version(void)
{
    return CQ_VERSION;
}
