/* batch_line.c: parses and scores one line of JSON Lines input for `careerquiz batch`. */

#include "batch_line.h"

cq_status batch_score_line(const cq_model *model, const cq_score_options *options, const char *name,
                           const char *line, size_t len, cq_result **out, cq_error *err)
{
    cq_answers *answers = NULL;
    cq_status status;

    status = cq_answers_parse(model, name, line, len, &answers, err);
    if (status != CQ_OK)
        return status;
    status = cq_score_with(model, answers, options, out, err);
    cq_answers_free(answers);
    return status;
}

bool batch_line_blank(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            return false;
    return true;
}
