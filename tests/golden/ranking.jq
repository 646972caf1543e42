# ranking.jq: turns `careerquiz score --json` into a golden ranking, one "id score" per line.
.ranking[] | "\(.id) \(.score)"
