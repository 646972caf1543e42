/* errors.c: status names and the caller-supplied error record. */
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

const char *cq_strerror(cq_status status)
{
    switch (status) {
    case CQ_OK:
        return "success";
    case CQ_ERR_NOMEM:
        return "out of memory";
    case CQ_ERR_OPEN:
        return "cannot open input";
    case CQ_ERR_IO:
        return "input/output error";
    case CQ_ERR_SYNTAX:
        return "malformed JSON";
    case CQ_ERR_INVALID:
        return "invalid data";
    case CQ_ERR_LIMIT:
        return "input exceeds a limit";
    case CQ_ERR_ARG:
        return "invalid argument";
    }
    return "unknown status";
}

void cq_error_clear(cq_error *err)
{
    if (err) {
        memset(err, 0, sizeof *err);
        err->status = CQ_OK;
    }
}

/* Copies src into a fixed buffer, cutting at a UTF-8 character boundary when too long. */
static void copy_field(char *dst, size_t size, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

cq_status cq__fail(cq_error *err, cq_status status, const char *file, const char *id,
                   const char *format, ...)
{
    if (!err)
        return status;
    char message[CQ_ERROR_TEXT * 2];
    va_list ap;
    va_start(ap, format);
    vsnprintf(message, sizeof message, format, ap);
    va_end(ap);
    cq_error_clear(err);
    err->status = status;
    copy_field(err->message, sizeof err->message, message);
    copy_field(err->file, sizeof err->file, file);
    copy_field(err->id, sizeof err->id, id);
    return status;
}

void cq__fail_at(cq_error *err, int line, int column)
{
    if (err) {
        err->line = line;
        err->column = column;
    }
}

char *cq_error_format(const cq_error *err, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    if (!err) {
        buf[0] = '\0';
        return buf;
    }
    const char *message = err->message[0] ? err->message : cq_strerror(err->status);
    if (!err->file[0])
        snprintf(buf, size, "%s", message);
    else if (err->line > 0)
        snprintf(buf, size, "%s: %s:%d:%d", message, err->file, err->line, err->column);
    else
        snprintf(buf, size, "%s: %s", message, err->file);
    return buf;
}

const char *cq__errno_text(int code, char *buf, size_t size)
{
    /* strerror is not thread-safe; the POSIX strerror_r is. Messages are lowercase. */
    if (strerror_r(code, buf, size) != 0)
        snprintf(buf, size, "error %d", code);
    buf[0] = (char)tolower((unsigned char)buf[0]);
    return buf;
}
