/* test_bad_data.c: every way a bank or a profile can be wrong, one table row each, with its
 * message. */
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Which mini fixture file a case changes. */
typedef enum { BANK, SCIENTIST, MANAGER } which;

typedef struct {
    which file;
    const char *from, *to; /* one replacement; `from` must be in the file */
    cq_status status;
    const char *needle; /* part of the message */
} bad_case;

/* An education question, so that profiles must name a typical education. */
#define EDUCATION_QUESTION                                                                         \
    "{\"id\": \"education\", \"type\": \"single\", \"text\": \"Degree?\", \"options\": ["          \
    "{\"id\": \"bachelors\", \"text\": \"B\", \"traits\": {\"research\": 0.2}}, "                  \
    "{\"id\": \"phd\", \"text\": \"P\", \"traits\": {\"research\": 1}}]}, "

static const bad_case bank_cases[] = {
    /* the bank as a whole */
    {BANK, "{\n  \"version\"", "[{\n  \"version\"", CQ_ERR_SYNTAX, "malformed JSON"},
    {BANK, "\"version\": \"mini-1\",", "\"version\": \"mini-1\", \"notes\": 1,", CQ_ERR_INVALID,
     "the bank: unknown field \"notes\""},
    {BANK, "\"version\": \"mini-1\",", "\"version\": 1,", CQ_ERR_INVALID,
     "\"version\" must be a string, not a number"},
    /* traits */
    {BANK, "{\"id\": \"research\", \"name\": \"Research orientation\", \"kind\": \"preference\"}",
     "\"research\"", CQ_ERR_INVALID, "trait: \"traits[]\" must be an object, not a string"},
    {BANK, "{\"id\": \"research\", \"name\": \"Research orientation\", \"kind\": \"preference\"}",
     "{\"name\": \"Research orientation\", \"kind\": \"preference\"}", CQ_ERR_INVALID,
     "trait: required field \"id\" is missing"},
    {BANK, "{\"id\": \"research\", \"name\": \"Research orientation\", \"kind\": \"preference\"}",
     "{\"id\": \"\", \"name\": \"Research orientation\", \"kind\": \"preference\"}", CQ_ERR_INVALID,
     "\"id\" is empty"},
    {BANK, "{\"id\": \"research\", \"name\": \"Research orientation\", \"kind\": \"preference\"}",
     "{\"id\": \"Research\", \"name\": \"Research orientation\", \"kind\": \"preference\"}",
     CQ_ERR_INVALID, "may only hold lowercase letters"},
    {BANK, "{\"id\": \"research\", \"name\": \"Research orientation\", \"kind\": \"preference\"}",
     "{\"id\": \"research\", \"name\": \"R\", \"colour\": 1}", CQ_ERR_INVALID,
     "trait \"research\": unknown field \"colour\""},
    {BANK, "{\"id\": \"research\", \"name\": \"Research orientation\", \"kind\": \"preference\"}",
     "{\"id\": \"research\"}", CQ_ERR_INVALID,
     "trait \"research\": required field \"name\" is missing"},
    {BANK, "{\"id\": \"research\", \"name\": \"Research orientation\", \"kind\": \"preference\"}",
     "{\"id\": \"research\", \"name\": \" \"}", CQ_ERR_INVALID, "\"name\" is empty"},
    {BANK, "{\"id\": \"research\", \"name\": \"Research orientation\", \"kind\": \"preference\"}",
     "{\"id\": \"research\", \"name\": \"R\", \"low\": 0}", CQ_ERR_INVALID,
     "\"low\" must be a string, not a number"},
    {BANK, "{\"id\": \"research\", \"name\": \"Research orientation\", \"kind\": \"preference\"}",
     "{\"id\": \"research\", \"name\": \"R\", \"high\": []}", CQ_ERR_INVALID,
     "\"high\" must be a string, not an array"},
    /* a trait's group (one dimension with several places) and the names it stands for */
    {BANK, "\"kind\": \"level\", \"terms\"", "\"kind\": \"level\", \"group\": \"Tools\", \"terms\"",
     CQ_ERR_INVALID, "trait \"methods\": id \"Tools\" may only hold lowercase letters"},
    {BANK, "\"kind\": \"level\", \"terms\"", "\"kind\": \"level\", \"group\": 2, \"terms\"",
     CQ_ERR_INVALID, "trait \"methods\": \"group\" must be a string, not a number"},
    {BANK, "\"kind\": \"level\", \"terms\"", "\"kind\": \"level\", \"about\": [\"\"], \"terms\"",
     CQ_ERR_INVALID, "trait \"methods\": \"about\" must hold short non-empty strings"},
    {BANK, "\"kind\": \"level\", \"terms\"", "\"kind\": \"level\", \"about\": \"x\", \"terms\"",
     CQ_ERR_INVALID, "trait \"methods\": \"about\" must be an array, not a string"},
    /* the basis of an option or a label: why, its articles and the roles they connect it with */
    {BANK, "{\"id\": \"a\", \"text\": \"Tool A\",",
     "{\"id\": \"a\", \"why\": 1, \"text\": \"Tool A\",", CQ_ERR_INVALID,
     "option \"a\": \"why\" must be a string, not a number"},
    {BANK, "{\"id\": \"a\", \"text\": \"Tool A\",",
     "{\"id\": \"a\", \"source\": [\"\"], \"text\": \"Tool A\",", CQ_ERR_INVALID,
     "option \"a\": \"source\" must hold article titles (non-empty strings)"},
    {BANK, "{\"id\": \"a\", \"text\": \"Tool A\",",
     "{\"id\": \"a\", \"roles\": [\"Scientist\"], \"text\": \"Tool A\",", CQ_ERR_INVALID,
     "id \"Scientist\" may only hold lowercase letters"},
    {BANK, "{\"id\": \"a\", \"text\": \"Tool A\",",
     "{\"id\": \"a\", \"roles\": [3], \"text\": \"Tool A\",", CQ_ERR_INVALID,
     "option \"a\": \"roles\" must hold role ids"},
    {BANK, "{\"value\": 1, \"text\": \"Products\"}",
     "{\"value\": 1, \"text\": \"Products\", \"why\": [], \"roles\": []}", CQ_ERR_INVALID,
     "label 1: \"why\" must be a string, not an array"},
    {BANK, "{\"id\": \"a\", \"text\": \"Tool A\",",
     "{\"id\": \"a\", \"why\": \"w\", \"source\": [\"Mini article\"], \"roles\": "
     "[\"scientist\"], \"text\": \"Tool A\",",
     CQ_OK, NULL},
    /* answers of earlier bank versions */
    {BANK, "\"version\": \"mini-1\",", "\"version\": \"mini-1\", \"earlier\": 5,", CQ_ERR_INVALID,
     "the bank: \"earlier\" must be an array, not a number"},
    {BANK, "\"version\": \"mini-1\",", "\"version\": \"mini-1\", \"earlier\": [{\"changes\": []}],",
     CQ_ERR_INVALID, "earlier version: required field \"version\" is missing"},
    {BANK, "\"version\": \"mini-1\",",
     "\"version\": \"mini-1\", \"earlier\": [{\"version\": \"mini-0\", \"changes\": []}],",
     CQ_ERR_INVALID, "earlier version: \"changes\" is empty"},
    {BANK, "\"version\": \"mini-1\",",
     "\"version\": \"mini-1\", \"earlier\": [{\"version\": \"mini-0\", \"changes\": "
     "[{\"question\": "
     "\"lead\", \"option\": \"boss\", \"why\": \"w\"}]}],",
     CQ_ERR_INVALID,
     "earlier version \"mini-0\", change 1: give exactly one of \"to\", \"drop\": true and "
     "\"refuse\": true"},
    {BANK, "\"version\": \"mini-1\",",
     "\"version\": \"mini-1\", \"earlier\": [{\"version\": \"mini-0\", \"changes\": "
     "[{\"question\": "
     "\"lead\", \"option\": \"boss\", \"drop\": true, \"refuse\": true, \"why\": \"w\"}]}],",
     CQ_ERR_INVALID, "give exactly one of"},
    {BANK, "\"version\": \"mini-1\",",
     "\"version\": \"mini-1\", \"earlier\": [{\"version\": \"mini-0\", \"changes\": "
     "[{\"question\": "
     "\"lead\", \"option\": \"boss\", \"drop\": true}]}],",
     CQ_ERR_INVALID, "change 1: required field \"why\" is missing"},
    {BANK, "\"version\": \"mini-1\",",
     "\"version\": \"mini-1\", \"earlier\": [{\"version\": \"mini-0\", \"changes\": "
     "[{\"question\": "
     "\"old\", \"option\": \"x\", \"to\": {\"question\": \"gone\"}, \"why\": \"w\"}]}],",
     CQ_ERR_INVALID, "moves answers to question \"gone\", which the bank does not have"},
    {BANK, "\"version\": \"mini-1\",",
     "\"version\": \"mini-1\", \"earlier\": [{\"version\": \"mini-0\", \"changes\": "
     "[{\"question\": "
     "\"old\", \"option\": \"x\", \"to\": {\"question\": \"tools\", \"option\": \"c\"}, \"why\": "
     "\"w\"}]}],",
     CQ_ERR_INVALID, "moves answers to option \"c\", which question \"tools\" does not have"},
    {BANK, "\"version\": \"mini-1\",",
     "\"version\": \"mini-1\", \"earlier\": [{\"version\": \"mini-0\", \"changes\": "
     "[{\"question\": "
     "\"old\", \"to\": {\"question\": \"orientation\"}, \"why\": \"w\"}]}],",
     CQ_ERR_INVALID, "answers move only to choice questions, and \"orientation\" is a scale"},
    {BANK, "\"version\": \"mini-1\",",
     "\"version\": \"mini-1\", \"earlier\": [{\"version\": \"mini-1\", \"changes\": "
     "[{\"question\": "
     "\"lead\", \"drop\": true, \"why\": \"w\"}]}],",
     CQ_ERR_INVALID, "earlier version \"mini-1\" is the bank's own version"},
    {BANK, "\"version\": \"mini-1\",",
     "\"version\": \"mini-1\", \"earlier\": [{\"version\": \"mini-0\", \"changes\": "
     "[{\"question\": "
     "\"lead\", \"drop\": true, \"why\": \"w\"}]}, {\"version\": \"mini-0\", \"changes\": "
     "[{\"question\": \"lead\", \"drop\": true, \"why\": \"w\"}]}],",
     CQ_ERR_INVALID, "earlier version \"mini-0\" is listed twice"},
    {BANK, "\"version\": \"mini-1\",",
     "\"version\": \"mini-1\", \"earlier\": [{\"version\": \"mini-0\", \"changes\": "
     "[{\"question\": "
     "\"lead\", \"option\": \"boss\", \"to\": {\"question\": \"lead\", \"option\": \"lead\"}, "
     "\"why\": \"renamed\", \"colour\": 1}]}],",
     CQ_ERR_INVALID, "change 1: unknown field \"colour\""},
    /* questions */
    {BANK, "{\n      \"id\": \"orientation\",", "7, {\n      \"id\": \"orientation\",",
     CQ_ERR_INVALID, "question: \"questions[]\" must be an object, not a number"},
    {BANK, "\"id\": \"orientation\",", "", CQ_ERR_INVALID,
     "question: required field \"id\" is missing"},
    {BANK, "\"type\": \"scale\",", "", CQ_ERR_INVALID,
     "question \"orientation\": required field \"type\" is missing"},
    {BANK, "\"type\": \"scale\",", "\"type\": \"scale-of-one-to-five\",", CQ_ERR_LIMIT,
     "\"type\" is longer than 16 bytes"},
    {BANK, "\"type\": \"scale\",", "\"type\": \"scale\", \"help\": false,", CQ_ERR_INVALID,
     "\"help\" must be a string, not a boolean"},
    {BANK, "\"weight\": 2,", "\"weight\": \"heavy\",", CQ_ERR_INVALID,
     "\"weight\" must be a number, not a string"},
    /* choice questions and their options */
    {BANK, "\"required\": false,", "\"required\": false, \"min\": 1,", CQ_ERR_INVALID,
     "\"min\" belongs to scale questions"},
    {BANK, "\"required\": false,", "\"required\": false, \"labels\": [],", CQ_ERR_INVALID,
     "\"labels\" belongs to scale questions"},
    {BANK, "{\"id\": \"solo\", \"text\": \"Work alone\", \"traits\": {\"leadership\": 0.0}}",
     "null", CQ_ERR_INVALID,
     "question \"lead\", option 1: \"options[]\" must be an object, not null"},
    {BANK, "{\"id\": \"solo\", \"text\":", "{\"text\":", CQ_ERR_INVALID,
     "option 1: required field \"id\" is missing"},
    {BANK, "{\"id\": \"solo\", \"text\":", "{\"id\": \"Solo\", \"text\":", CQ_ERR_INVALID,
     "may only hold lowercase letters"},
    {BANK, "{\"id\": \"solo\", \"text\":", "{\"id\": \"solo\", \"value\": 1, \"text\":",
     CQ_ERR_INVALID, "option \"solo\": unknown field \"value\""},
    {BANK, "\"text\": \"Work alone\",", "", CQ_ERR_INVALID,
     "option \"solo\": required field \"text\" is missing"},
    {BANK, "\"text\": \"Work alone\",", "\"text\": \"Work alone\", \"exclusive\": 1,",
     CQ_ERR_INVALID, "\"exclusive\" must be true or false, not a number"},
    {BANK, "\"text\": \"Work alone\", \"traits\": {\"leadership\": 0.0}",
     "\"text\": \"Work alone\"", CQ_ERR_INVALID,
     "option \"solo\": required field \"traits\" is missing"},
    {BANK, "{\"leadership\": 0.0}", "[0.0]", CQ_ERR_INVALID,
     "option \"solo\": \"traits\" must be an object, not an array"},
    {BANK, "{\"leadership\": 0.0}", "{\"leadership\": \"none\"}", CQ_ERR_INVALID,
     "trait \"leadership\" must be a number from 0 to 1, not a string"},
    /* scale questions */
    {BANK, "\"min\": 1,", "\"min\": 1, \"options\": [],", CQ_ERR_INVALID,
     "scale questions take \"min\", \"max\" and \"traits\", not \"options\""},
    {BANK, "\"min\": 1,", "", CQ_ERR_INVALID, "required field \"min\" is missing"},
    {BANK, "\"max\": 5,", "", CQ_ERR_INVALID, "required field \"max\" is missing"},
    {BANK, "\"min\": 1,", "\"min\": \"1\",", CQ_ERR_INVALID,
     "\"min\" must be an integer, not a string"},
    {BANK, "\"max\": 5,", "\"max\": 5000,", CQ_ERR_INVALID, "\"max\" is 5000, outside -1000..1000"},
    {BANK, "\"labels\": [{\"value\": 1, \"text\": \"Products\"},", "\"labels\": [3,",
     CQ_ERR_INVALID, "label 1: \"labels[]\" must be an object, not a number"},
    {BANK, "{\"value\": 1, \"text\": \"Products\"}", "{\"value\": 1, \"text\": \"P\", \"id\": 1}",
     CQ_ERR_INVALID, "label 1: unknown field \"id\""},
    {BANK, "{\"value\": 1, \"text\": \"Products\"}", "{\"text\": \"Products\"}", CQ_ERR_INVALID,
     "label 1: required field \"value\" is missing"},
    {BANK, "{\"value\": 1, \"text\": \"Products\"}", "{\"value\": 1}", CQ_ERR_INVALID,
     "label 1: required field \"text\" is missing"},
    {BANK, "{\"value\": 5, \"text\": \"Research\"}", "{\"value\": 1, \"text\": \"Research\"}",
     CQ_ERR_INVALID, "label 2: value 1 is labelled twice"},
    {BANK, "\"traits\": {\"research\": [0.0, 1.0]}", "\"help\": \"h\"", CQ_ERR_INVALID,
     "question \"orientation\": required field \"traits\" is missing"},
    {BANK, "\"weight\": 2,\n      \"min\"", "\"weight\": 2, \"help\": \"h\",\n      \"min\"", CQ_OK,
     NULL},
    {BANK, "\"traits\": {\"research\": [0.0, 1.0]}", "\"traits\": [0.0, 1.0]", CQ_ERR_INVALID,
     "question \"orientation\": \"traits\" must be an object, not an array"},
    {BANK, "\"traits\": {\"research\": [0.0, 1.0]}", "\"traits\": {}", CQ_ERR_INVALID,
     "question \"orientation\": \"traits\" is empty"},
    {BANK, "\"traits\": {\"research\": [0.0, 1.0]}", "\"traits\": {\"reading\": [0.0, 1.0]}",
     CQ_ERR_INVALID, "trait \"reading\" is not declared in the bank"},
    {BANK, "\"traits\": {\"research\": [0.0, 1.0]}", "\"traits\": {\"research\": [0.0]}",
     CQ_ERR_INVALID, "trait \"research\" must be [value at min, value at max]"},
    {BANK, "\"traits\": {\"research\": [0.0, 1.0]}", "\"traits\": {\"research\": 0.5}",
     CQ_ERR_INVALID, "trait \"research\" must be [value at min, value at max]"},
    {BANK, "\"traits\": {\"research\": [0.0, 1.0]}", "\"traits\": {\"research\": [0.0, \"1\"]}",
     CQ_ERR_INVALID, "trait \"research\" must be [value at min, value at max]"},
    {BANK, "\"traits\": {\"research\": [0.0, 1.0]}", "\"traits\": {\"research\": [-0.5, 1.0]}",
     CQ_ERR_INVALID, "trait \"research\" values must lie in 0..1"},
    {BANK, "\"traits\": {\"research\": [0.0, 1.0]}", "\"traits\": {\"research\": [0.0, 1.5]}",
     CQ_ERR_INVALID, "trait \"research\" values must lie in 0..1"},
};

/* The scientist's skills, one item, as the fixture writes them. */
#define MATH_ITEM "[{\"text\": \"Mathematics\", \"about\": [\"mathematics\"]}"
#define MATH MATH_ITEM "]"

static const bad_case profile_cases[] = {
    {SCIENTIST, "{\n  \"id\"", "[{\n  \"id\"", CQ_ERR_SYNTAX, "malformed JSON"},
    {SCIENTIST, "\"id\": \"scientist\",", "", CQ_ERR_INVALID,
     "profile: required field \"id\" is missing"},
    {SCIENTIST, "\"id\": \"scientist\",", "\"id\": [\"scientist\"],", CQ_ERR_INVALID,
     "\"id\" must be a string, not an array"},
    {SCIENTIST, "\"title\": \"Scientist\",", "\"title\": \"Scientist\", \"salary\": 1,",
     CQ_ERR_INVALID, "role \"scientist\": unknown field \"salary\""},
    {SCIENTIST, "\"title\": \"Scientist\",", "", CQ_ERR_INVALID,
     "required field \"title\" is missing"},
    {SCIENTIST, "\"summary\": \"Finds things out.\",", "\"summary\": \"\",", CQ_ERR_INVALID,
     "\"summary\" is empty"},
    /* the compared lists: items of text and the names they are about */
    {SCIENTIST, "\"skills\": " MATH, "\"skills\": \"Mathematics\"", CQ_ERR_INVALID,
     "\"skills\" must be an array, not a string"},
    {SCIENTIST, "\"skills\": " MATH, "\"skills\": []", CQ_ERR_INVALID, "\"skills\" is empty"},
    {SCIENTIST, "\"skills\": " MATH, "\"skills\": [\"Mathematics\"]", CQ_ERR_INVALID,
     "role \"scientist\", skills item 1: \"skills[]\" must be an object {\"text\", \"about\"}, not "
     "a string"},
    {SCIENTIST, MATH, "[{\"text\": \"Mathematics\", \"about\": [\"mathematics\"]}, 2]",
     CQ_ERR_INVALID, "skills item 2: \"skills[]\" must be an object, not a number"},
    {SCIENTIST, MATH, MATH_ITEM ", {\"text\": \"  \", \"about\": [\"x\"]}]", CQ_ERR_INVALID,
     "skills item 2: \"text\" is empty"},
    {SCIENTIST, MATH, MATH_ITEM ", {\"text\": \"Mathematics\", \"about\": [\"x\"]}]",
     CQ_ERR_INVALID, "\"skills\" lists \"Mathematics\" twice"},
    {SCIENTIST, "\"about\": [\"mathematics\"]", "\"about\": [\"mathematics\"], \"level\": 2",
     CQ_ERR_INVALID, "skills item 1: unknown field \"level\""},
    {SCIENTIST, "{\"text\": \"Mathematics\", \"about\": [\"mathematics\"]}",
     "{\"about\": [\"mathematics\"]}", CQ_ERR_INVALID,
     "skills item 1: required field \"text\" is missing"},
    {SCIENTIST, ", \"about\": [\"mathematics\"]", "", CQ_ERR_INVALID,
     "skills item 1: required field \"about\" is missing"},
    {SCIENTIST, "\"about\": [\"mathematics\"]", "\"about\": []", CQ_ERR_INVALID,
     "skills item 1: \"about\" is empty"},
    {SCIENTIST, "\"about\": [\"mathematics\"]", "\"about\": \"mathematics\"", CQ_ERR_INVALID,
     "skills item 1: \"about\" must be an array, not a string"},
    {SCIENTIST, "\"about\": [\"mathematics\"]", "\"about\": [\"mathematics\", 3]", CQ_ERR_INVALID,
     "skills item 1: \"about\" item 2 must be a string, not a number"},
    {SCIENTIST, "\"about\": [\"mathematics\"]", "\"about\": [\"mathematics\", \" \"]",
     CQ_ERR_INVALID, "skills item 1: \"about\" item 2 is empty"},
    {SCIENTIST, "\"about\": [\"mathematics\"]", "\"about\": [\"mathematics\", \"mathematics\"]",
     CQ_ERR_INVALID, "skills item 1: \"about\" lists \"mathematics\" twice"},
    {SCIENTIST, "\"sources\": [\"Mini article\"]", "\"sources\": []", CQ_ERR_INVALID,
     "\"sources\" is empty"},
    /* outlook */
    {SCIENTIST, "\"outlook\": {", "\"outlook2\": {", CQ_ERR_INVALID, "unknown field \"outlook2\""},
    {MANAGER, "\"outlook\": {\"text\": \"Good.\", \"figures\": []},", "", CQ_ERR_INVALID,
     "role \"manager\": required field \"outlook\" is missing"},
    {MANAGER, "\"outlook\": {\"text\": \"Good.\", \"figures\": []}", "\"outlook\": \"Good.\"",
     CQ_ERR_INVALID, "\"outlook\" must be an object, not a string"},
    {MANAGER, "\"figures\": []", "\"figures\": [], \"trend\": 1", CQ_ERR_INVALID,
     "unknown field \"trend\""},
    {MANAGER, "{\"text\": \"Good.\", ", "{", CQ_ERR_INVALID, "required field \"text\" is missing"},
    {MANAGER, "\"figures\": []", "\"figures\": {}", CQ_ERR_INVALID,
     "\"figures\" must be an array, not an object"},
    {MANAGER, "\"figures\": []", "\"figures\": [\"5%\"]", CQ_ERR_INVALID,
     "outlook figure 1: \"figures[]\" must be an object, not a string"},
    {SCIENTIST, "\"value\": \"5%\", ", "\"value\": \"5%\", \"year\": 1, ", CQ_ERR_INVALID,
     "outlook figure 1: unknown field \"year\""},
    {SCIENTIST, "\"value\": \"5%\", ", "", CQ_ERR_INVALID,
     "outlook figure 1: required field \"value\" is missing"},
    {SCIENTIST, "\"measure\": \"growth\", ", "", CQ_ERR_INVALID,
     "required field \"measure\" is missing"},
    {SCIENTIST, "\"source\": \"A survey\", ", "", CQ_ERR_INVALID,
     "required field \"source\" is missing"},
    {SCIENTIST, "\"period\": \"2020–2030\", ", "\"period\": 2030, ", CQ_ERR_INVALID,
     "\"period\" must be a string, not a number"},
    {SCIENTIST, "\"period\": \"2020–2030\", ", "", CQ_OK, NULL},
    {SCIENTIST, "\"article\": \"Mini article\"}", "\"article\": \"Another\"}", CQ_ERR_INVALID,
     "outlook figure 1: article \"Another\" is not among the role's sources"},
    {SCIENTIST, ", \"article\": \"Mini article\"}", "}", CQ_ERR_INVALID,
     "required field \"article\" is missing"},
    /* figures */
    {SCIENTIST, "\"measure\": \"growth\", ", "\"measure\": \"growth\", \"note\": 5, ",
     CQ_ERR_INVALID, "outlook figure 1: \"note\" must be a string, not a number"},
    {SCIENTIST, "\"measure\": \"growth\", ", "\"measure\": \"growth\", \"note\": \"N\", ", CQ_OK,
     NULL},
    /* tips */
    {SCIENTIST,
     "\"tips\": [{\"text\": \"Read papers.\", \"advice\": \"reading\", \"builds\": "
     "[\"research\"], \"source\": \"Mini article\"}, {\"text\": \"Mentor a student.\", "
     "\"advice\": \"mentoring\", \"builds\": [\"leadership\"], \"source\": \"Mini article\", "
     "\"shared_with\": [\"manager\"]}],",
     "", CQ_ERR_INVALID, "required field \"tips\" is missing"},
    {SCIENTIST, "\"tips\": [{", "\"tips\": [1, {", CQ_ERR_INVALID,
     "tip 1: \"tips[]\" must be an object, not a number"},
    {SCIENTIST, "{\"text\": \"Read papers.\",", "{\"text\": \"Read papers.\", \"when\": 1,",
     CQ_ERR_INVALID, "tip 1: unknown field \"when\""},
    {SCIENTIST, "{\"text\": \"Read papers.\",", "{", CQ_ERR_INVALID,
     "tip 1: required field \"text\" is missing"},
    {SCIENTIST, "\"advice\": \"reading\", ", "", CQ_ERR_INVALID,
     "tip 1: required field \"advice\" is missing"},
    {SCIENTIST, "\"advice\": \"reading\", ", "\"advice\": \" \", ", CQ_ERR_INVALID,
     "tip 1: \"advice\" is empty"},
    {SCIENTIST, ", \"source\": \"Mini article\"}, {", "}, {", CQ_ERR_INVALID,
     "tip 1: required field \"source\" is missing"},
    {SCIENTIST, "\"builds\": [\"research\"], ", "", CQ_ERR_INVALID,
     "tip 1: required field \"builds\" is missing"},
    {SCIENTIST, "\"builds\": [\"research\"], ", "\"builds\": [], ", CQ_ERR_INVALID,
     "tip 1: \"builds\" is empty"},
    {SCIENTIST, "\"source\": \"Mini article\"}, {",
     "\"source\": \"Mini article\"}, {\"text\": \"Read papers.\", \"advice\": \"study\", "
     "\"builds\": [\"research\"], \"source\": \"Mini article\"}, {",
     CQ_ERR_INVALID, "tip 2: repeats tip 1"},
    /* the same advice in other words is a repeat too */
    {SCIENTIST, "\"source\": \"Mini article\"}, {",
     "\"source\": \"Mini article\"}, {\"text\": \"Read more papers.\", \"advice\": "
     "\"reading\", \"builds\": [\"research\"], \"source\": \"Mini article\"}, {",
     CQ_ERR_INVALID, "tip 2: repeats tip 1"},
    /* "source" may be one title or a list of titles */
    {SCIENTIST, "\"source\": \"Mini article\"}, {", "\"source\": [\"Mini article\"]}, {", CQ_OK,
     NULL},
    {SCIENTIST, "\"source\": \"Mini article\"}, {", "\"source\": []}, {", CQ_ERR_INVALID,
     "tip 1: \"source\" is empty"},
    {SCIENTIST, "\"source\": \"Mini article\"}, {", "\"source\": 3}, {", CQ_ERR_INVALID,
     "tip 1: \"source\" must be a string or an array, not a number"},
    {SCIENTIST, "\"source\": \"Mini article\"}, {", "\"source\": \"\"}, {", CQ_ERR_INVALID,
     "tip 1: \"source\" is empty"},
    {SCIENTIST, "\"source\": \"Mini article\"}, {",
     "\"source\": [\"Mini article\", \"Mini article\"]}, {", CQ_ERR_INVALID,
     "tip 1: \"source\" lists \"Mini article\" twice"},
    {SCIENTIST, "\"source\": \"Mini article\"}, {",
     "\"source\": [\"Mini article\", \"Other article\"]}, {", CQ_ERR_INVALID,
     "tip 1: source \"Other article\" is not among the role's sources"},
    /* a shared tip is the same advice, shared back, from an article both tips cite */
    {MANAGER, "\"shared_with\": [\"scientist\"]", "\"shared_with\": [\"manager\"]", CQ_ERR_INVALID,
     "shared_with names \"manager\", which is not another role"},
    /* targets */
    {SCIENTIST, "\"targets\": {", "\"aims\": {", CQ_ERR_INVALID, "unknown field \"aims\""},
    {SCIENTIST,
     "\"research\": {\"value\": 1.0, \"importance\": 2, \"why\": \"research is the job\"}",
     "\"research\": [1.0, 2]", CQ_ERR_INVALID,
     "target \"research\": \"research\" must be an object, not an array"},
    {SCIENTIST, "{\"value\": 1.0, \"importance\": 2,",
     "{\"value\": 1.0, \"importance\": 2, \"w\": 1,", CQ_ERR_INVALID,
     "target \"research\": unknown field \"w\""},
    {SCIENTIST, "{\"value\": 1.0, \"importance\": 2,", "{\"importance\": 2,", CQ_ERR_INVALID,
     "target \"research\": required field \"value\" is missing"},
    {SCIENTIST, "{\"value\": 1.0, \"importance\": 2,", "{\"value\": 1.5, \"importance\": 2,",
     CQ_ERR_INVALID, "\"value\" is 1.5, outside 0..1"},
    {SCIENTIST, "{\"value\": 1.0, \"importance\": 2,", "{\"value\": 1.0,", CQ_ERR_INVALID,
     "required field \"importance\" is missing"},
    {SCIENTIST, ", \"why\": \"research is the job\"}", "}", CQ_ERR_INVALID,
     "target \"research\": required field \"why\" is missing"},
};

/* With an education question in the bank, profiles must name a level it offers. */
static const bad_case education_cases[] = {
    {SCIENTIST, "\"summary\": \"Finds things out.\",",
     "\"summary\": \"Finds things out.\", \"typical_education\": \"phd\",", CQ_OK, NULL},
    {SCIENTIST, "\"summary\": \"Finds things out.\",",
     "\"summary\": \"Finds things out.\", \"typical_education\": \"masters\",", CQ_ERR_INVALID,
     "typical_education \"masters\" is not an option of question \"education\""},
    {SCIENTIST, "\"summary\": \"Finds things out.\",",
     "\"summary\": \"Finds things out.\", \"typical_education\": 5,", CQ_ERR_INVALID,
     "\"typical_education\" must be a string, not a number"},
    {SCIENTIST, "\"summary\": \"Finds things out.\",", "\"summary\": \"Finds things out.\",",
     CQ_ERR_INVALID, "role \"scientist\": required field \"typical_education\" is missing"},
};

/* Loads the mini data with one change (and the manager's typical education set when the
 * bank has an education question), expecting the case's status and message. */
static void expect_case(const fixture_texts *t, const char *bank, const bad_case *c, size_t index,
                        bool education)
{
    char *b = c->file == BANK ? fixture_replace(bank, c->from, c->to) : strdup(bank);
    char *s =
        c->file == SCIENTIST ? fixture_replace(t->scientist, c->from, c->to) : strdup(t->scientist);
    char *m = c->file == MANAGER ? fixture_replace(t->manager, c->from, c->to) : strdup(t->manager);
    if (education) {
        char *with = fixture_replace(m, "\"summary\": \"Runs a team.\",",
                                     "\"summary\": \"Runs a team.\", \"typical_education\": "
                                     "\"bachelors\",");
        free(m);
        m = with;
    }
    cq_context *ctx = NULL;
    assert_int_equal(cq_context_new(NULL, &ctx), CQ_OK);
    cq_source bs = {"questions/bank.json", b, strlen(b)};
    cq_source ps[2] = {{"profiles/manager.json", m, strlen(m)},
                       {"profiles/scientist.json", s, strlen(s)}};
    cq_model *model = NULL;
    cq_error err;
    cq_error_clear(&err);
    cq_status st = cq_model_load(ctx, &bs, 1, ps, 2, &model, &err);
    if (st != c->status || (c->needle && !strstr(err.message, c->needle)))
        print_error("case %zu (\"%.40s\" -> \"%.40s\"): status %d, message \"%s\"\n", index,
                    c->from, c->to, st, err.message);
    assert_int_equal(st, c->status);
    if (c->needle) {
        assert_non_null(strstr(err.message, c->needle));
        assert_null(model);
        /* The file is named: the one changed, or the bank for a bank change. */
        assert_string_equal(err.file, c->file == BANK        ? "questions/bank.json"
                                      : c->file == SCIENTIST ? "profiles/scientist.json"
                                                             : "profiles/manager.json");
    }
    cq_model_free(model);
    cq_context_free(ctx);
    free(b);
    free(s);
    free(m);
}

static void each_broken_bank_is_refused_with_its_own_message(void **state)
{
    fixture_texts *t = *state;
    for (size_t i = 0; i < sizeof bank_cases / sizeof *bank_cases; i++)
        expect_case(t, t->bank, &bank_cases[i], i, false);
}

static void each_broken_profile_is_refused_with_its_own_message(void **state)
{
    fixture_texts *t = *state;
    for (size_t i = 0; i < sizeof profile_cases / sizeof *profile_cases; i++)
        expect_case(t, t->bank, &profile_cases[i], i, false);
}

/* Loads the mini data with the scientist changed once, expecting an error about the manager's
 * shared tip (checked first, as roles go by id) that says `needle`. */
static void expect_shared_tip_error(const fixture_texts *t, const char *from, const char *to,
                                    const char *needle)
{
    char *s = fixture_replace(t->scientist, from, to);
    cq_context *ctx = NULL;
    assert_int_equal(cq_context_new(NULL, &ctx), CQ_OK);
    cq_source bs = {"questions/bank.json", t->bank, strlen(t->bank)};
    cq_source ps[2] = {{"profiles/manager.json", t->manager, strlen(t->manager)},
                       {"profiles/scientist.json", s, strlen(s)}};
    cq_model *model = NULL;
    cq_error err;
    cq_error_clear(&err);
    assert_int_equal(cq_model_load(ctx, &bs, 1, ps, 2, &model, &err), CQ_ERR_INVALID);
    if (!strstr(err.message, needle))
        print_error("message \"%s\"\n", err.message);
    assert_non_null(strstr(err.message, needle));
    assert_string_equal(err.file, "profiles/manager.json");
    assert_null(model);
    cq_context_free(ctx);
    free(s);
}

/* A tip shared with another role is the same advice given to both by an article that covers
 * both: the other role has a tip with the same advice, shares it back, and cites that article. */
static void a_shared_tip_is_the_same_advice_shared_back_from_a_common_article(void **state)
{
    fixture_texts *t = *state;
    expect_shared_tip_error(t, "\"advice\": \"mentoring\"", "\"advice\": \"coaching\"",
                            "role \"manager\", tip 1 (\"mentoring\"): shared with \"scientist\", "
                            "which has no tip with the same advice");
    expect_shared_tip_error(t, ", \"shared_with\": [\"manager\"]", "",
                            "role \"manager\", tip 1 (\"mentoring\"): shared with \"scientist\", "
                            "whose tip with the same advice is not shared back");
    expect_shared_tip_error(
        t,
        "\"source\": \"Mini article\", \"shared_with\": [\"manager\"]}],\n  \"sources\": "
        "[\"Mini article\"],",
        "\"source\": \"Other article\", \"shared_with\": [\"manager\"]}],\n  \"sources\": "
        "[\"Mini article\", \"Other article\"],",
        "role \"manager\", tip 1 (\"mentoring\"): shared with \"scientist\", but the two tips "
        "cite no article in common");
}

/* Cases that take two replacements: a whole value swapped for another type. */
static void changes_that_take_two_edits_are_refused_too(void **state)
{
    fixture_texts *t = *state;
    char *a = fixture_replace(t->scientist, "\"targets\": {", "\"targets\": [{");
    bad_case targets = {SCIENTIST, "\"method is the craft\"}\n  }\n}",
                        "\"method is the craft\"}\n  }]\n}", CQ_ERR_INVALID,
                        "\"targets\" must be an object, not an array"};
    fixture_texts changed = {t->bank, a, t->manager};
    expect_case(&changed, t->bank, &targets, 0, false);
    free(a);
    char *b = fixture_replace(t->bank, "\"traits\": {\"leadership\": 0.0}}", "\"traits\": {}}");
    bad_case moves = {BANK, "\"traits\": {\"leadership\": 1.0}}", "\"traits\": {}}", CQ_ERR_INVALID,
                      "question \"lead\": no option moves any trait"};
    expect_case(t, b, &moves, 1, false);
    free(b);
}

static void profiles_must_name_an_education_level_the_bank_offers(void **state)
{
    fixture_texts *t = *state;
    char *bank =
        fixture_replace(t->bank, "\"questions\": [\n", "\"questions\": [\n" EDUCATION_QUESTION);
    for (size_t i = 0; i < sizeof education_cases / sizeof *education_cases; i++)
        expect_case(t, bank, &education_cases[i], i, true);
    free(bank);
}

static void a_bank_must_declare_traits_and_questions(void **state)
{
    fixture_texts *t = *state;
    cq_context *ctx = NULL;
    assert_int_equal(cq_context_new(NULL, &ctx), CQ_OK);
    cq_source p = {"profiles/scientist.json", t->scientist, strlen(t->scientist)};
    static const struct {
        const char *bank, *needle;
    } cases[] = {
        {"{\"version\": \"v\"}", "the bank declares no traits"},
        {"{\"traits\": [{\"id\": \"research\", \"name\": \"R\"}]}", "the bank has no questions"},
        {"{\"traits\": []}", "\"traits\" is empty"},
        {"{\"traits\": [{\"id\": \"research\", \"name\": \"R\"}], \"questions\": 3}",
         "\"questions\" must be an array, not a number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cq_source b = {"questions/bank.json", cases[i].bank, strlen(cases[i].bank)};
        cq_model *m = NULL;
        cq_error err;
        assert_int_equal(cq_model_load(ctx, &b, 1, &p, 1, &m, &err), CQ_ERR_INVALID);
        assert_non_null(strstr(err.message, cases[i].needle));
    }
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(cq_model_load(ctx, NULL, 0, &p, 1, &m, &err), CQ_ERR_INVALID);
    assert_non_null(strstr(err.message, "the question bank has no files"));
    cq_context_free(ctx);
}

static void the_version_is_declared_once_across_bank_files(void **state)
{
    fixture_texts *t = *state;
    cq_context *ctx = NULL;
    assert_int_equal(cq_context_new(NULL, &ctx), CQ_OK);
    cq_source p[2] = {{"profiles/manager.json", t->manager, strlen(t->manager)},
                      {"profiles/scientist.json", t->scientist, strlen(t->scientist)}};
    char *unversioned = fixture_replace(t->bank, "\"version\": \"mini-1\",", "");
    cq_source b[2] = {{"questions/a.json", t->bank, strlen(t->bank)},
                      {"questions/b.json", "{\"version\": \"again\"}", 20}};
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(cq_model_load(ctx, b, 2, p, 2, &m, &err), CQ_ERR_INVALID);
    assert_non_null(strstr(err.message, "declared in more than one file"));
    assert_string_equal(err.file, "questions/b.json");
    /* A bank that never says its version is "unversioned". */
    b[0] = (cq_source){"questions/a.json", unversioned, strlen(unversioned)};
    assert_int_equal(cq_model_load(ctx, b, 1, p, 2, &m, &err), CQ_OK);
    assert_string_equal(cq_model_version(m), "unversioned");
    cq_model_free(m);
    free(unversioned);
    cq_context_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_broken_bank_is_refused_with_its_own_message),
        cmocka_unit_test(each_broken_profile_is_refused_with_its_own_message),
        cmocka_unit_test(a_shared_tip_is_the_same_advice_shared_back_from_a_common_article),
        cmocka_unit_test(changes_that_take_two_edits_are_refused_too),
        cmocka_unit_test(profiles_must_name_an_education_level_the_bank_offers),
        cmocka_unit_test(a_bank_must_declare_traits_and_questions),
        cmocka_unit_test(the_version_is_declared_once_across_bank_files),
    };
    return cmocka_run_group_tests_name("bad data", tests, fixture_texts_setup,
                                       fixture_texts_teardown);
}
