#pragma once
// Asks each site's robots.txt before its article pages are fetched. Private to pipeline/.

#include <vector>

#include "core/error.h"
#include "fetcher/fetcher.h"
#include "pipeline/pipeline.h"
#include "storage/database.h"

namespace newswire {

// The pages of `pages` their site's robots.txt allows, in order. A refused page is stored as a
// page that failed for good (clearing its items' need) and counted in report.pages_refused; a
// page of a site whose robots.txt cannot be read now (5xx, no answer) is stored as a failed
// page that is retried later, like any page that could not be fetched. Answers are kept in the
// database for a day, so a site's robots.txt is fetched at most once a day while it answers.
Result<std::vector<PageToFetch>> pages_robots_allow(Database& database, Fetcher& fetcher,
                                                    const FetchOptions& options,
                                                    std::vector<PageToFetch> pages, RunReport& report);

}  // namespace newswire
